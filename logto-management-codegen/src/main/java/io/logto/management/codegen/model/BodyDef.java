package io.logto.management.codegen.model;

import java.util.List;
import java.util.Objects;

/**
 * An operation's request body: how it is encoded and what the method takes for it.
 *
 * @param kind how it is encoded
 * @param type the JSON or form body type ({@code null} for multipart)
 * @param required whether the body is required
 * @param parts multipart parts in document order (empty unless multipart)
 * @param wrapper the wire name of the one property a JSON body wraps its value in, which the
 *     method takes instead of the body and the request builds ({@code customData} of {@code
 *     UpdateUserCustomData}), or {@code null} when the method takes the body itself; {@code type} is
 *     then the property's type
 */
public record BodyDef(Kind kind, TypeRef type, boolean required, List<Part> parts, String wrapper) {
  /** Encoding of the body. */
  public enum Kind {
    /** A JSON document. */
    JSON,
    /** URL-encoded form fields. */
    FORM,
    /** Multipart form data: text fields and files. */
    MULTIPART
  }

  /**
   * Checks the kind and copies the parts.
   *
   * @param kind how it is encoded
   * @param type the JSON or form body type ({@code null} for multipart)
   * @param required whether the body is required
   * @param parts multipart parts in document order (empty unless multipart)
   * @param wrapper the wire name of the one property a JSON body wraps its value in, which the
   *     method takes instead of the body and the request builds ({@code customData} of {@code
   *     UpdateUserCustomData}), or {@code null} when the method takes the body itself; {@code type} is
   *     then the property's type
   */
  public BodyDef {
    Objects.requireNonNull(kind, "kind == null");
    parts = List.copyOf(parts);
  }

  /**
   * A body the method takes as it is.
   *
   * @param kind how it is encoded
   * @param type the JSON or form body type ({@code null} for multipart)
   * @param required whether the body is required
   * @param parts multipart parts in document order (empty unless multipart)
   */
  public BodyDef(Kind kind, TypeRef type, boolean required, List<Part> parts) {
    this(kind, type, required, parts, null);
  }

  /**
   * One multipart part.
   *
   * @param name wire name
   * @param javaName Java name
   * @param file whether it is a file upload (else a text field)
   */
  public record Part(String name, String javaName, boolean file) {}
}

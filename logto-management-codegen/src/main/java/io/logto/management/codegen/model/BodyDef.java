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
 * @param argName the Java name of the method's body argument: what the body is ({@code customData}),
 *     else {@code body}
 */
public record BodyDef(Kind kind, TypeRef type, boolean required, List<Part> parts, String wrapper, String argName) {
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
   * @param argName the Java name of the method's body argument
   */
  public BodyDef {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(argName, "argName == null");
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
    this(kind, type, required, parts, null, "body");
  }

  /**
   * The same body taken as the argument {@code name}.
   *
   * @param name the Java name of the argument
   * @return a copy with that argument name
   */
  public BodyDef named(String name) {
    return new BodyDef(kind, type, required, parts, wrapper, name);
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

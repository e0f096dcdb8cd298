package io.logto.management.codegen.model;

import java.util.List;
import java.util.Objects;

/**
 * A request body.
 *
 * @param kind how it is encoded
 * @param type the JSON or form body type ({@code null} for multipart)
 * @param required whether the body is required
 * @param parts multipart parts in document order (empty unless multipart)
 */
public record BodyDef(Kind kind, TypeRef type, boolean required, List<Part> parts) {
  /** Encoding of the body. */
  public enum Kind {
    JSON,
    FORM,
    MULTIPART
  }

  public BodyDef {
    Objects.requireNonNull(kind, "kind == null");
    parts = List.copyOf(parts);
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

package io.logto.management.codegen.model;

/**
 * What a successful call returns, which decides how the emitted call reads the answer.
 *
 * @param kind how the body is read
 * @param type the JSON type ({@code null} unless JSON)
 * @param mediaType the media type to accept, or {@code null} for the default
 */
public record ResponseDef(Kind kind, TypeRef type, String mediaType) {
  /** How the body is read. */
  public enum Kind {
    /** No body (204 or no content). */
    NONE,
    /** JSON decoded into {@code type}. */
    JSON,
    /** The body as text. */
    TEXT
  }
}

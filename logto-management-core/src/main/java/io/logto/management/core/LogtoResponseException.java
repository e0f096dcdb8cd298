package io.logto.management.core;

import org.jspecify.annotations.Nullable;

/**
 * A successful status arrived with a body that could not be decoded as expected: malformed JSON, an
 * empty body where JSON was expected, or JSON of the wrong shape.
 */
public class LogtoResponseException extends LogtoException {
  private final int status;
  private final String bodyExcerpt;

  /**
   * Creates an exception.
   *
   * @param message what could not be decoded
   * @param status the HTTP status
   * @param bodyExcerpt the start of the body
   * @param cause the decoding failure, or {@code null}
   */
  public LogtoResponseException(String message, int status, String bodyExcerpt, @Nullable Throwable cause) {
    super(message, cause);
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
  }

  /**
   * Returns the HTTP status of the answer.
   *
   * @return the status code
   */
  public int status() {
    return status;
  }

  /**
   * Returns the start of the body (at most a few hundred characters).
   *
   * @return the excerpt, empty if there was no body
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}

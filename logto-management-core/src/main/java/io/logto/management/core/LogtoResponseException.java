package io.logto.management.core;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A successful status arrived with a body that could not be decoded as expected: malformed JSON, an
 * empty body where JSON was expected, or JSON of the wrong shape. The message names the JSON location
 * and the body's content type and length, never its text, which may hold personal data or
 * credentials; {@link #body()} returns it for a caller who asks.
 */
public class LogtoResponseException extends LogtoException {
  /** The HTTP status of the answer whose body did not decode. */
  private final int status;
  /** The body that did not decode, as received. */
  private final byte[] body;

  /**
   * Creates an exception.
   *
   * @param message what could not be decoded; never the body's text
   * @param status the HTTP status
   * @param body the body; copied
   * @param cause the decoding failure, or {@code null}
   */
  public LogtoResponseException(String message, int status, byte[] body, @Nullable Throwable cause) {
    super(message, cause);
    this.status = status;
    this.body = body.clone();
  }

  /**
   * Creates an exception from a body given as text.
   *
   * @param message what could not be decoded; never the body's text
   * @param status the HTTP status
   * @param body the body, or the part of it that is known
   * @param cause the decoding failure, or {@code null}
   */
  public LogtoResponseException(String message, int status, String body, @Nullable Throwable cause) {
    this(message, status, body.getBytes(StandardCharsets.UTF_8), cause);
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
   * Returns the body that did not decode. It may hold personal data: do not log it.
   *
   * @return a copy of the body, empty if there was none
   */
  public byte[] body() {
    return body.clone();
  }
}

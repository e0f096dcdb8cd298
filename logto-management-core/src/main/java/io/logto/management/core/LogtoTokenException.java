package io.logto.management.core;

import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The access token could not be obtained from the token endpoint: an I/O failure or timeout, an error
 * status, a redirect, or an answer without a usable {@code access_token} and numeric
 * {@code expires_in}. Never retried automatically (a 429 {@code auth.exceed_token_limit} is a quota,
 * not a transient fault). The message describes the answer's body by content type and length only,
 * since it may hold the token or an echo of the secret; {@link #body()} returns it for a caller who
 * asks.
 */
public class LogtoTokenException extends LogtoException {
  /** The token endpoint's HTTP status, empty when no answer came. */
  private final OptionalInt status;
  /** Logto's error {@code code} of the answer, if the body had one. */
  private final Optional<String> code;
  /** The token endpoint's answer body, as received. */
  private final byte[] body;

  /**
   * Creates an exception.
   *
   * @param message what went wrong; never the client secret, a token or the body
   * @param status the token endpoint's status, if it answered
   * @param code Logto's error {@code code}, if the body had one
   * @param body the response body, empty if none; copied
   * @param cause the underlying failure, or {@code null}
   */
  public LogtoTokenException(
      String message, OptionalInt status, Optional<String> code, byte[] body, @Nullable Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
    this.body = body.clone();
  }

  /**
   * Returns the HTTP status of the token endpoint's answer.
   *
   * @return the status, empty when no answer arrived
   */
  public OptionalInt status() {
    return status;
  }

  /**
   * Returns Logto's error code, such as {@code oidc.invalid_client}.
   *
   * @return the code, if the answer had one
   */
  public Optional<String> code() {
    return code;
  }

  /**
   * Returns the token endpoint's raw answer. It may hold an access token: do not log it.
   *
   * @return a copy of the body, empty when there was none or no answer arrived
   */
  public byte[] body() {
    return body.clone();
  }
}

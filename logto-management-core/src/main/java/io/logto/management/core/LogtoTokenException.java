package io.logto.management.core;

import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The access token could not be obtained from the token endpoint: an error status, a redirect, or an
 * answer without a usable {@code access_token} and numeric {@code expires_in}. Never retried
 * automatically (a 429 {@code auth.exceed_token_limit} is a quota, not a transient fault).
 */
public class LogtoTokenException extends LogtoException {
  private final OptionalInt status;
  private final Optional<String> code;
  private final String bodyExcerpt;

  /**
   * Creates an exception.
   *
   * @param message what went wrong; never the client secret
   * @param status the token endpoint's status, if it answered
   * @param code Logto's error {@code code}, if the body had one
   * @param bodyExcerpt the start of the response body, empty if none
   * @param cause the underlying failure, or {@code null}
   */
  public LogtoTokenException(
      String message, OptionalInt status, Optional<String> code, String bodyExcerpt, @Nullable Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
    this.bodyExcerpt = bodyExcerpt;
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
   * Returns the start of the response body (at most a few hundred characters).
   *
   * @return the excerpt, empty if there was no body
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}

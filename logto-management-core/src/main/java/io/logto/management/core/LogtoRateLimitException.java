package io.logto.management.core;

/** HTTP 429: too many requests; retried for idempotent calls before this is thrown. */
public class LogtoRateLimitException extends LogtoApiException {
  /**
   * Creates the exception.
   *
   * @param error what the server answered
   */
  public LogtoRateLimitException(ApiError error) {
    super(error);
  }
}

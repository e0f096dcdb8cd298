package io.logto.management.core;

/** HTTP 401: the access token was missing, expired or rejected, even after one replay with a fresh token. */
public class LogtoUnauthorizedException extends LogtoApiException {
  /**
   * Creates the exception.
   *
   * @param error what the server answered
   */
  public LogtoUnauthorizedException(ApiError error) {
    super(error);
  }
}

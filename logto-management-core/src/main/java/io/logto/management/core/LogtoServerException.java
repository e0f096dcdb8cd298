package io.logto.management.core;

/** HTTP 5xx: the server failed. */
public class LogtoServerException extends LogtoApiException {
  /**
   * Creates the exception.
   *
   * @param error what the server answered
   */
  public LogtoServerException(ApiError error) {
    super(error);
  }
}

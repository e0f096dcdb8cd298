package io.logto.management.core;

/** HTTP 400: the request was invalid, for example {@code guard.invalid_input}. */
public class LogtoBadRequestException extends LogtoApiException {
  /**
   * Creates the exception.
   *
   * @param error what the server answered
   */
  public LogtoBadRequestException(ApiError error) {
    super(error);
  }
}

package io.logto.management.core;

/** HTTP 409 or 422: the request conflicts with the current state, for example a name already in use. */
public class LogtoConflictException extends LogtoApiException {
  /**
   * Creates the exception.
   *
   * @param error what the server answered
   */
  public LogtoConflictException(ApiError error) {
    super(error);
  }
}

package io.logto.management.core;

/** HTTP 404: the entity does not exist. */
public class LogtoNotFoundException extends LogtoApiException {
  /**
   * Creates the exception.
   *
   * @param error what the server answered
   */
  public LogtoNotFoundException(ApiError error) {
    super(error);
  }
}

package io.logto.management.core;

/** HTTP 403: the token lacks the permission, for example an application without the Management API role. */
public class LogtoForbiddenException extends LogtoApiException {
  /**
   * Creates the exception.
   *
   * @param error what the server answered
   */
  public LogtoForbiddenException(ApiError error) {
    super(error);
  }
}

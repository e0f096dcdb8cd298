package io.logto.management.core;

import org.jspecify.annotations.Nullable;

/** The server did not answer within the request or token timeout. */
public class LogtoTimeoutException extends LogtoTransportException {
  /**
   * Creates an exception.
   *
   * @param message what timed out, naming the method, path and timeout
   * @param cause the timeout reported by the HTTP client, if any
   */
  public LogtoTimeoutException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}

package io.logto.management.core;

import org.jspecify.annotations.Nullable;

/**
 * The request could not be completed on the network: connection refused or reset, I/O failure, or
 * the calling thread was interrupted (its interrupt flag is restored).
 */
public class LogtoTransportException extends LogtoException {
  /**
   * Creates an exception.
   *
   * @param message what failed, naming the method and path
   * @param cause the I/O failure
   */
  public LogtoTransportException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}

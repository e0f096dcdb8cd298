package io.logto.management.core;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the SDK throws. Unchecked; messages never contain a token or a secret.
 */
public class LogtoException extends RuntimeException {
  /**
   * Creates an exception.
   *
   * @param message what went wrong
   */
  public LogtoException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public LogtoException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}

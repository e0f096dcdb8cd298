package io.logto.management.core;

import org.jspecify.annotations.Nullable;

/**
 * An answer's body was larger than the client's {@link io.logto.management.core.client.LogtoClient.Builder#maxResponseBytes(long)
 * limit}: the SDK stopped reading it and closed the connection instead of holding it in memory. Not
 * retried.
 */
public class LogtoResponseTooLargeException extends LogtoException {
  /** The client's size limit the body went over, in bytes. */
  private final long limit;

  /**
   * Creates the exception.
   *
   * @param message names the method, path, status and limit
   * @param limit the limit in bytes
   * @param cause the underlying failure, or {@code null}
   */
  public LogtoResponseTooLargeException(String message, long limit, @Nullable Throwable cause) {
    super(message, cause);
    this.limit = limit;
  }

  /**
   * Returns the limit that was exceeded.
   *
   * @return the most bytes a body may have
   */
  public long limit() {
    return limit;
  }
}

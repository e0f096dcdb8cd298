package io.logto.management.core.internal.http;

import java.io.IOException;

/**
 * Ends the reading of a body over the size limit; the transport turns it into a
 * {@code LogtoResponseTooLargeException} naming the call.
 */
public final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final long limit;

  BodyTooLargeException(int status, long limit) {
    super("body over " + limit + " bytes");
    this.status = status;
    this.limit = limit;
  }

  /**
   * Returns the answer's status.
   *
   * @return the status code
   */
  public int status() {
    return status;
  }

  /**
   * Returns the limit the body went over.
   *
   * @return the limit in bytes
   */
  public long limit() {
    return limit;
  }
}

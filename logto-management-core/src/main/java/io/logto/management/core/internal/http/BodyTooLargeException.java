package io.logto.management.core.internal.http;

import java.io.IOException;

/**
 * Ends the reading of a body over the size limit; the transport turns it into a
 * {@link io.logto.management.core.LogtoResponseTooLargeException} naming the call.
 */
final class BodyTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  final int status;
  final long limit;

  BodyTooLargeException(int status, long limit) {
    super("body over " + limit + " bytes");
    this.status = status;
    this.limit = limit;
  }
}

package io.logto.management.core;

import java.util.Iterator;

/**
 * An iterator over a listing that may hold requests in flight; closing it cancels them and ends the
 * iteration. Use it in try-with-resources when a loop may stop early:
 *
 * <pre>{@code
 * try (CloseableIterator<User> users = management.users().listAll().prefetch(2).iterator()) {
 *   while (users.hasNext()) {
 *     if (isTheOne(users.next())) {
 *       break; // close() cancels the pages fetched ahead
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one thread consumes it.
 *
 * @param <T> the element type
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  /**
   * Cancels the requests still in flight and ends the iteration; {@link #hasNext()} answers
   * {@code false} afterwards. Closing twice does nothing.
   */
  @Override
  void close();
}

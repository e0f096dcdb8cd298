package io.logto.management.core.internal.http;

import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The JDK client a {@code LogtoClient} and its {@code newBuilder()} variants share, with the attempt
 * numbering they share, counted by users: the client is released when the last one closes. Released
 * means, for a client the SDK built (or copied to refuse redirects): the JDK's own {@code close()} on
 * runtimes that have it (21 and later; it waits for exchanges in flight), and on every runtime the
 * end of the executor the SDK gave it, whose threads then finish. A client the caller supplied as it
 * is stays open: the caller owns it.
 */
public final class SharedHttp {
  private final AtomicLong attemptIds = new AtomicLong();
  private final boolean owned;
  private final @Nullable ExecutorService executor;
  private @Nullable HttpClient http;
  private int users = 1;

  /**
   * Wraps a client with its first user.
   *
   * @param http the client
   * @param owned whether the SDK built it, so may close it
   * @param executor the executor the SDK built for it, shut down on release; null if none
   */
  public SharedHttp(HttpClient http, boolean owned, @Nullable ExecutorService executor) {
    this.http = http;
    this.owned = owned;
    this.executor = executor;
  }

  /**
   * Returns the client.
   *
   * @return the client; empty once released
   */
  public synchronized Optional<HttpClient> client() {
    return Optional.ofNullable(http);
  }

  /**
   * Returns the numbering of attempts shared by the clients.
   *
   * @return the counter
   */
  public AtomicLong attemptIds() {
    return attemptIds;
  }

  /**
   * Adds a user, unless every user has closed.
   *
   * @return whether the client is still open and now has one more user
   */
  public synchronized boolean retain() {
    if (users == 0) {
      return false;
    }
    users++;
    return true;
  }

  /** Removes a user; the last one releases the client. */
  public void release() {
    HttpClient closing;
    synchronized (this) {
      if (users == 0 || --users > 0) {
        return;
      }
      closing = http;
      // dropping the reference lets the JDK 17-20 selector thread end once nothing else holds the client
      http = null;
    }
    if (owned && closing instanceof AutoCloseable closeable) {
      closeQuietly(closeable);
    }
    if (executor != null) {
      executor.shutdown();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // nothing more can be released
    }
  }
}

package io.logto.management.core.internal.chain;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Waits between attempts without holding a thread; replaced in tests so they never sleep. */
@FunctionalInterface
public interface Sleeper {
  /** Waits with the common pool's delayed executor. */
  Sleeper SYSTEM = delay -> {
    Executor later = CompletableFuture.delayedExecutor(Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    return CompletableFuture.runAsync(() -> { }, later);
  };

  /** Waits on the calling thread, for the synchronous API; an interrupt ends the call. */
  Sleeper BLOCKING = delay -> {
    try {
      Thread.sleep(Math.max(0, delay.toMillis()));
      return CompletableFuture.completedFuture(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(
          new io.logto.management.core.LogtoTransportException("interrupted while waiting to retry", e));
    }
  };

  /**
   * Completes after the delay.
   *
   * @param delay how long to wait
   * @return a future completing when the delay is over
   */
  CompletableFuture<Void> sleep(Duration delay);
}

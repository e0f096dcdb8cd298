package io.logto.management.core.internal.chain;

import io.logto.management.core.LogtoException;
import io.logto.management.core.LogtoTransportException;
import io.logto.management.core.internal.http.Futures;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Waits for a future on behalf of the synchronous API. */
public final class Blocking {
  private Blocking() {}

  /**
   * Waits for the future and rethrows its failure unwrapped.
   *
   * @param future the future
   * @param what names the operation for messages; asked only when the wait fails, so a call that
   *     succeeds builds no description
   * @param <T> the value type
   * @return the value
   * @throws LogtoException the failure; a {@link LogtoTransportException} when the thread is
   *     interrupted, with the interrupt flag restored
   */
  public static <T> T await(CompletableFuture<T> future, Supplier<String> what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new LogtoTransportException(what.get() + " interrupted", e);
    } catch (ExecutionException e) {
      throw rethrow(e);
    } catch (CancellationException e) {
      throw new LogtoTransportException(what.get() + " cancelled", e);
    }
  }

  // the unchecked failure behind a future's failure; checked ones are wrapped
  private static RuntimeException rethrow(Throwable failure) {
    Throwable cause = Futures.unwrap(failure);
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new LogtoException("call failed: " + cause, cause);
  }
}

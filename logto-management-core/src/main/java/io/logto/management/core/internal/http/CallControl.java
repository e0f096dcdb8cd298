package io.logto.management.core.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * Carries a caller's cancellation of one call down to the layers: cancelling the future an async call
 * returned aborts the exchange in flight and stops further retries.
 */
public final class CallControl {
  private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

  /** Creates the control of one call. */
  public CallControl() {}

  /** Marks the call cancelled and runs the registered actions. */
  public void cancel() {
    cancelled.complete(null);
  }

  /**
   * Tells whether the caller gave up on the call.
   *
   * @return whether {@link #cancel()} was called
   */
  public boolean isCancelled() {
    return cancelled.isDone();
  }

  /**
   * Runs {@code action} when the call is cancelled, at once if it already is.
   *
   * @param action what aborts the current step
   */
  public void onCancel(Runnable action) {
    cancelled.thenRun(action);
  }

  /**
   * Cancels this call when {@code future}, the one handed to the caller, is cancelled.
   *
   * @param future the caller's future
   * @param <T> its value type
   * @return {@code future}
   */
  public <T> CompletableFuture<T> cancelledWith(CompletableFuture<T> future) {
    future.whenComplete((value, failure) -> {
      if (failure instanceof java.util.concurrent.CancellationException) {
        cancel();
      }
    });
    return future;
  }
}

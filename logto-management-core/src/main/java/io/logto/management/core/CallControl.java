package io.logto.management.core;

import java.util.concurrent.CompletableFuture;

/**
 * The state of one call shared by the layers: the caller's cancellation (cancelling the future an async
 * call returned aborts the exchange in flight and stops further retries), what the call is, for
 * attempt events, and how many requests it has sent.
 */
final class CallControl {
  private final CompletableFuture<Void> cancelled = new CompletableFuture<>();
  private final AttemptKind kind;
  private String pathTemplate = "";
  // attempts run one after another, each started after the previous one completed
  private int attempts;

  /** Creates the control of one API call. */
  public CallControl() {
    this(AttemptKind.API);
  }

  /**
   * Creates the control of one call of the given kind.
   *
   * @param kind what the call's attempts are for
   */
  public CallControl(AttemptKind kind) {
    this.kind = kind;
  }

  /**
   * Returns what the call's attempts are for.
   *
   * @return API or token request
   */
  public AttemptKind kind() {
    return kind;
  }

  /**
   * Records what the call is, before its first attempt.
   *
   * @param pathTemplate the path template, such as {@code /api/users/{userId}}
   */
  public void describe(String pathTemplate) {
    this.pathTemplate = pathTemplate;
  }

  /**
   * Returns the call's path template.
   *
   * @return the template, empty before {@link #describe}
   */
  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * Counts a request about to be sent, retries and the replay after a 401 included.
   *
   * @return its 1-based number within the call
   */
  public synchronized int nextAttempt() {
    return ++attempts;
  }

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

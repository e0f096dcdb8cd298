package io.logto.management.core;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The state of one call shared by the layers: whether its caller waits on its own thread, the caller's
 * cancellation (cancelling the future an async call returned aborts the exchange in flight and stops
 * further retries), what the call is, for attempt events, and how many requests it has sent.
 *
 * <p>One chain of layers serves both kinds of caller; the layers that care ask {@link #callerWaits()}:
 * the transport sends on the calling thread or asynchronously, authentication waits for a token inline
 * or composes on it, retries sleep on the thread or schedule the next attempt.
 */
final class CallControl {
  private final CompletableFuture<Void> cancelled = new CompletableFuture<>();
  private final AttemptKind kind;
  private final boolean callerWaits;
  private String pathTemplate = "";
  // attempts run one after another, each started after the previous one completed
  private int attempts;
  private @Nullable Runnable whileWaitingForToken;

  private CallControl(AttemptKind kind, boolean callerWaits) {
    this.kind = kind;
    this.callerWaits = callerWaits;
  }

  /**
   * Creates the control of a call whose caller waits for the answer on its own thread: every layer
   * runs on that thread, and the request is sent from it with no thread hand-off.
   *
   * @param kind what the call's attempts are for
   * @return the control
   */
  static CallControl waiting(AttemptKind kind) {
    return new CallControl(kind, true);
  }

  /**
   * Creates the control of a call whose caller gets a future: no layer may block a thread, not even
   * for the token.
   *
   * @param kind what the call's attempts are for
   * @return the control
   */
  static CallControl async(AttemptKind kind) {
    return new CallControl(kind, false);
  }

  /**
   * Tells whether the caller waits on its own thread, so the layers may block it.
   *
   * @return true for the synchronous API, false for futures
   */
  boolean callerWaits() {
    return callerWaits;
  }

  /**
   * Gives the caller's thread work for the time it would otherwise wait idle for a token, such as
   * building the decoder of the call's answer: on a cold start the token request and that work then
   * overlap. Run at most once, and only when the call has to wait for a token.
   *
   * @param work what the waiting caller does first; must not throw
   */
  void whileWaitingForToken(Runnable work) {
    this.whileWaitingForToken = work;
  }

  /** Runs the work given to {@link #whileWaitingForToken}, if any and not yet run. */
  void runWhileWaitingForToken() {
    Runnable work = whileWaitingForToken;
    whileWaitingForToken = null;
    if (work != null) {
      work.run();
    }
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

package io.logto.management.core.internal.chain;

import io.logto.management.core.AttemptKind;
import io.logto.management.core.RequestOptions;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One call as the chain's steps see it: how it runs ({@link Dispatch}, chosen once when the call
 * starts), its options, what it is for attempt events, how many requests it has sent, and the
 * caller's cancellation (cancelling the future an async call returned aborts the exchange in flight
 * and stops further retries).
 */
public final class Call {
  private final CompletableFuture<Void> cancelled = new CompletableFuture<>();
  private final AttemptKind kind;
  private final Dispatch dispatch;
  private final RequestOptions options;
  private final String pathTemplate;
  // attempts run one after another, each started after the previous one completed
  private int attempts;
  private @Nullable Runnable whileWaitingForToken;

  /**
   * Starts describing a call.
   *
   * @param kind what the call's attempts are for
   * @param dispatch how the call runs: on its caller's thread or with futures only
   * @param options the call's options
   * @param pathTemplate the path template, such as {@code /api/users/{userId}}
   */
  public Call(AttemptKind kind, Dispatch dispatch, RequestOptions options, String pathTemplate) {
    this.kind = kind;
    this.dispatch = dispatch;
    this.options = options;
    this.pathTemplate = pathTemplate;
  }

  Dispatch dispatch() {
    return dispatch;
  }

  RequestOptions options() {
    return options;
  }

  AttemptKind kind() {
    return kind;
  }

  String pathTemplate() {
    return pathTemplate;
  }

  /**
   * Gives the caller's thread work for the time it would otherwise wait idle for a token, such as
   * building the decoder of the call's answer: on a cold start the token request and that work then
   * overlap. Run at most once, and only when the call waits on its caller's thread for a token.
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
   * Counts a request about to be sent, retries and the replay after a 401 included.
   *
   * @return its 1-based number within the call
   */
  synchronized int nextAttempt() {
    return ++attempts;
  }

  /** Marks the call cancelled and runs the registered actions. */
  void cancel() {
    cancelled.complete(null);
  }

  boolean isCancelled() {
    return cancelled.isDone();
  }

  /**
   * Runs {@code action} when the call is cancelled, at once if it already is.
   *
   * @param action what aborts the current step
   */
  void onCancel(Runnable action) {
    cancelled.thenRun(action);
  }

  /**
   * Cancels this call when {@code future}, the one handed to the caller, is cancelled.
   *
   * @param future the caller's future
   * @param <T> its value type
   * @return {@code future}
   */
  <T> CompletableFuture<T> cancelledWith(CompletableFuture<T> future) {
    future.whenComplete((value, failure) -> {
      if (failure instanceof CancellationException) {
        cancel();
      }
    });
    return future;
  }
}

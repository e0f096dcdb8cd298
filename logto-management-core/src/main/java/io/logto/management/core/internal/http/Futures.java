package io.logto.management.core.internal.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Composes the layers' futures. On the synchronous path every stage is already complete when the next
 * one is attached, so the step runs at once and its complete future is returned as is, sparing the
 * intermediate futures of {@code thenCompose}; in every other case the result is the one
 * {@link CompletableFuture} itself gives.
 */
public final class Futures {
  private Futures() {}

  /**
   * Does what {@code stage.thenCompose(next)} does.
   *
   * @param stage the stage before
   * @param next the step after it
   * @param <T> the stage's value type
   * @param <U> the step's value type
   * @return a future completing as the step's future
   */
  public static <T, U> CompletableFuture<U> thenCompose(CompletableFuture<T> stage,
      Function<? super T, CompletableFuture<U>> next) {
    if (!completedNormally(stage)) {
      return stage.thenCompose(next);
    }
    CompletableFuture<U> result;
    try {
      result = next.apply(stage.join());
    } catch (RuntimeException | Error e) {
      return stage.thenCompose(ignored -> {
        throw e;
      });
    }
    return settled(stage, result);
  }

  /**
   * Does what {@code stage.handle(next).thenCompose(future -> future)} does.
   *
   * @param stage the stage before
   * @param next the step after it, given the value or the failure
   * @param <T> the stage's value type
   * @param <U> the step's value type
   * @return a future completing as the step's future
   */
  public static <T, U> CompletableFuture<U> handleCompose(CompletableFuture<T> stage,
      BiFunction<? super T, Throwable, CompletableFuture<U>> next) {
    if (!completedNormally(stage)) {
      return stage.handle(next).thenCompose(future -> future);
    }
    return thenCompose(stage, value -> next.apply(value, null));
  }

  private static boolean completedNormally(CompletableFuture<?> future) {
    return future.isDone() && !future.isCompletedExceptionally();
  }

  // a future completed with a value can no longer be changed by whoever receives it, so it is shared
  // when thenCompose would have given a future of the same class; otherwise thenCompose gives the copy
  // (a pending step stays apart from the caller's cancel, a failure arrives wrapped as before)
  private static <T, U> CompletableFuture<U> settled(CompletableFuture<T> stage, CompletableFuture<U> result) {
    if (result != null && completedNormally(result) && result.getClass() == stage.getClass()) {
      return result;
    }
    return stage.thenCompose(ignored -> result);
  }

  /**
   * Unwraps {@link CompletionException} and {@link ExecutionException} layers.
   *
   * @param failure the failure
   * @return the innermost meaningful cause
   */
  public static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}

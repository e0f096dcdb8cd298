package io.logto.management.core;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Supplies the bearer token sent with each authenticated call. Called before every such call, so an
 * implementation should cache; it must be thread-safe.
 *
 * <p>Use {@link #of(Supplier)} for a blocking source and {@link #ofAsync(Supplier)} for one that
 * completes later without holding a thread.
 */
@FunctionalInterface
public interface TokenProvider {
  /**
   * Returns the token for the next call.
   *
   * @return a future completing with the bearer token (without the {@code Bearer } prefix)
   */
  CompletableFuture<String> token();

  /**
   * Tells the provider that the server answered 401 to a call made with {@code token}.
   *
   * @param token the token that was rejected
   * @return whether a fresh token may now be available, so the call is worth replaying once; the
   *     default returns {@code false}
   */
  default boolean rejected(String token) {
    return false;
  }

  /**
   * Tells the provider that a call made with {@code token} succeeded.
   *
   * @param token the token that was accepted
   */
  default void accepted(String token) {}

  /**
   * Adapts a blocking supplier; it runs on the thread making the call.
   *
   * @param supplier returns the bearer token
   * @return the provider
   */
  static TokenProvider of(Supplier<String> supplier) {
    requireNonNull(supplier, "supplier == null");
    return () -> {
      try {
        return CompletableFuture.completedFuture(requireNonNull(supplier.get(), "token supplier returned null"));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    };
  }

  /**
   * Adapts an asynchronous supplier.
   *
   * @param supplier returns a stage completing with the bearer token
   * @return the provider
   */
  static TokenProvider ofAsync(Supplier<? extends CompletionStage<String>> supplier) {
    requireNonNull(supplier, "supplier == null");
    return () -> {
      try {
        return supplier.get().toCompletableFuture();
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    };
  }
}

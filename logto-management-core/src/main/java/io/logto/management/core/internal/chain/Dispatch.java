package io.logto.management.core.internal.chain;

import io.logto.management.core.internal.http.TimedBody;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * How one call runs, chosen once when it starts, as OkHttp's call chooses {@code execute} or
 * {@code enqueue}: {@link CallerThread} for the synchronous API, whose caller waits anyway, so every
 * step runs on that thread and the request is sent from it with no thread hand-off; {@link Async} for
 * futures, where no step holds a thread, not even for the token. The chain's steps never ask which
 * one they have: they send, wait for a future and pause through it.
 */
public abstract sealed class Dispatch permits Dispatch.CallerThread, Dispatch.Async {
  private final Sleeper sleeper;

  private Dispatch(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /**
   * Creates the dispatch of synchronous calls.
   *
   * @param sleeper waits between retries on the caller's thread, such as {@link Sleeper#BLOCKING}
   * @return the dispatch
   */
  public static Dispatch callerThread(Sleeper sleeper) {
    return new CallerThread(sleeper);
  }

  /**
   * Creates the dispatch of asynchronous calls and of token requests.
   *
   * @param sleeper waits between retries, holding no thread
   * @return the dispatch
   */
  public static Dispatch async(Sleeper sleeper) {
    return new Async(sleeper);
  }

  /**
   * Sends one attempt. Failures are the JDK client's, not yet mapped to SDK exceptions.
   *
   * @param http the JDK client
   * @param request the request, authenticated
   * @param deadline {@code System.nanoTime()} by which the whole answer must have arrived;
   *     {@link TimedBody#NONE} for none
   * @param maxBytes the most bytes the answer's body may have
   * @param onCancel registers what aborts the exchange when the call is cancelled
   * @return the answer
   */
  abstract CompletableFuture<HttpResponse<byte[]>> send(HttpClient http, HttpRequest request, long deadline,
      long maxBytes, Consumer<Runnable> onCancel);

  /**
   * Waits for a token the call needs before its request can go out.
   *
   * @param token the token's future
   * @param whileWaiting what a caller that waits does before it waits
   * @return a future of the token
   */
  abstract CompletableFuture<String> token(CompletableFuture<String> token, Runnable whileWaiting);

  /**
   * Waits before the next retry.
   *
   * @param delay how long
   * @return a future completing when the time is up
   */
  final CompletableFuture<Void> pause(Duration delay) {
    return sleeper.sleep(delay);
  }

  /** Everything on the caller's thread: it waits for the answer anyway. */
  static final class CallerThread extends Dispatch {
    private CallerThread(Sleeper sleeper) {
      super(sleeper);
    }

    @Override
    CompletableFuture<HttpResponse<byte[]>> send(HttpClient http, HttpRequest request, long deadline, long maxBytes,
        Consumer<Runnable> onCancel) {
      try {
        // HttpClient.send spares the thread hand-offs that sendAsync adds to every answer
        return CompletableFuture.completedFuture(
            http.send(request, TimedBody.inlineHandler(request.method(), deadline, maxBytes)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.failedFuture(e);
      } catch (IOException | RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    @Override
    CompletableFuture<String> token(CompletableFuture<String> token, Runnable whileWaiting) {
      if (token.isDone()) {
        return token;
      }
      // the token request is on its way: the caller's thread works for the call before it waits
      whileWaiting.run();
      try {
        return CompletableFuture.completedFuture(Blocking.await(token, () -> "token request"));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
  }

  /** Futures only: no step blocks a thread. */
  static final class Async extends Dispatch {
    private Async(Sleeper sleeper) {
      super(sleeper);
    }

    @Override
    CompletableFuture<HttpResponse<byte[]>> send(HttpClient http, HttpRequest request, long deadline, long maxBytes,
        Consumer<Runnable> onCancel) {
      CompletableFuture<HttpResponse<byte[]>> sent;
      try {
        sent = http.sendAsync(request, TimedBody.handler(request.method(), deadline, maxBytes));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
      // the caller cancelling its future aborts the exchange
      onCancel.accept(() -> sent.cancel(true));
      return sent;
    }

    @Override
    CompletableFuture<String> token(CompletableFuture<String> token, Runnable whileWaiting) {
      return token;
    }
  }
}

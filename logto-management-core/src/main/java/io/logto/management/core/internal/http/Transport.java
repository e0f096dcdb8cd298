package io.logto.management.core.internal.http;

import io.logto.management.core.LogtoException;
import io.logto.management.core.LogtoTimeoutException;
import io.logto.management.core.LogtoTransportException;
import io.logto.management.core.RawResponse;
import io.logto.management.core.RequestOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The bottom layer: sends with the JDK client and maps I/O failures to SDK exceptions. In blocking
 * mode it sends on the calling thread ({@code HttpClient.send}), which spares the thread hand-offs
 * that {@code sendAsync} adds to every answer; in async mode no thread waits.
 */
public final class Transport implements Layer {
  private final HttpClient http;
  private final boolean blocking;

  /**
   * Creates the transport.
   *
   * @param http the shared JDK client
   * @param blocking whether to send on the calling thread (for the synchronous API)
   */
  public Transport(HttpClient http, boolean blocking) {
    this.http = http;
    this.blocking = blocking;
  }

  @Override
  public CompletableFuture<RawResponse> send(HttpRequest request, RequestOptions options, CallControl control) {
    long start = System.nanoTime();
    if (blocking) {
      HttpResponse.BodyHandler<byte[]> handler = TimedBody.inlineHandler(request.timeout(), start);
      try {
        HttpResponse<byte[]> response = http.send(request, handler);
        return CompletableFuture.completedFuture(raw(request, response, start));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.failedFuture(new LogtoTransportException(
            request.method() + " " + request.uri().getRawPath() + " interrupted", e));
      } catch (IOException | RuntimeException e) {
        return CompletableFuture.failedFuture(failure(request, e));
      }
    }
    CompletableFuture<HttpResponse<byte[]>> sent;
    try {
      sent = http.sendAsync(request, TimedBody.handler(request.timeout(), start));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(failure(request, e));
    }
    CompletableFuture<RawResponse> result = sent.handle((response, failure) -> {
      if (failure != null) {
        throw failure(request, failure);
      }
      return raw(request, response, start);
    });
    // the caller cancelling its future aborts the exchange
    control.onCancel(() -> sent.cancel(true));
    return result;
  }

  private static RawResponse raw(HttpRequest request, HttpResponse<byte[]> response, long start) {
    return new RawResponse(request, response.statusCode(), response.headers(), response.body(), 1,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Tells whether a failure happened before the request could reach the server, so any method may be
   * retried safely.
   *
   * @param failure the failure, possibly wrapped
   * @return whether it is a connection failure
   */
  public static boolean isConnectFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException
          || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
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

  private static RuntimeException failure(HttpRequest request, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof LogtoException logto) {
      return logto;
    }
    if (cause instanceof CancellationException cancelled) {
      return cancelled;
    }
    String what = request.method() + " " + request.uri().getRawPath();
    String after = request.timeout().map(timeout -> " after " + timeout).orElse("");
    // the blocking client wraps timeouts in an IOException: look through the causes
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException) {
        return new LogtoTimeoutException(what + ": connect timed out", cause);
      }
      if (t instanceof HttpTimeoutException) {
        return new LogtoTimeoutException(what + ": no answer" + after, cause);
      }
      if (t instanceof TimeoutException) {
        return new LogtoTimeoutException(what + ": no complete answer" + after, cause);
      }
    }
    return new LogtoTransportException(what + ": " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause);
  }
}

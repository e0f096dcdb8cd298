package io.logto.management.core.internal.http;

import io.logto.management.core.LogtoException;
import io.logto.management.core.LogtoTimeoutException;
import io.logto.management.core.LogtoTransportException;
import io.logto.management.core.RawResponse;
import io.logto.management.core.RequestOptions;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The bottom layer: sends with the JDK client and maps I/O failures to SDK exceptions. */
public final class Transport implements Layer {
  private final HttpClient http;

  /**
   * Creates the transport.
   *
   * @param http the shared JDK client
   */
  public Transport(HttpClient http) {
    this.http = http;
  }

  @Override
  public CompletableFuture<RawResponse> send(HttpRequest request, RequestOptions options) {
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> sent;
    try {
      sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(failure(request, e));
    }
    CompletableFuture<RawResponse> result = sent.handle((response, failure) -> {
      if (failure != null) {
        throw failure(request, failure);
      }
      return new RawResponse(request, response.statusCode(), response.headers(), response.body(), 1,
          Duration.ofNanos(System.nanoTime() - start));
    });
    // cancelling the caller's future aborts the exchange
    result.whenComplete((response, failure) -> {
      if (failure instanceof CancellationException) {
        sent.cancel(true);
      }
    });
    if (request.timeout().isEmpty()) {
      return result;
    }
    // the JDK client's timeout stops at the response headers; a body that stalls is caught here.
    // orTimeout cancels its timer when the call completes, so nothing lingers per call
    Duration timeout = request.timeout().get();
    return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((response, failure) -> {
      if (failure == null) {
        return response;
      }
      Throwable cause = unwrap(failure);
      if (cause instanceof TimeoutException) {
        sent.cancel(true);
        throw new LogtoTimeoutException(request.method() + " " + request.uri().getRawPath()
            + ": no complete answer after " + timeout, cause);
      }
      throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    });
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
    String what = request.method() + " " + request.uri().getRawPath();
    if (cause instanceof HttpConnectTimeoutException) {
      return new LogtoTimeoutException(what + ": connect timed out", cause);
    }
    if (cause instanceof HttpTimeoutException) {
      String after = request.timeout().map(timeout -> " after " + timeout).orElse("");
      return new LogtoTimeoutException(what + ": no answer" + after, cause);
    }
    if (cause instanceof CancellationException cancelled) {
      return cancelled;
    }
    return new LogtoTransportException(what + ": " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause);
  }
}

package io.logto.management.core;

import io.logto.management.core.internal.http.BodyTooLargeException;
import io.logto.management.core.internal.http.TimedBody;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
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
 * The bottom layer: sends with the JDK client and maps I/O failures to SDK exceptions. When the caller
 * waits ({@link CallControl#callerWaits()}) it sends on the calling thread ({@code HttpClient.send}),
 * which spares the thread hand-offs that {@code sendAsync} adds to every answer; otherwise no thread
 * waits.
 */
final class Transport implements Layer {
  private final HttpClient http;
  private final long maxResponseBytes;

  /**
   * Creates the transport.
   *
   * @param http the shared JDK client
   * @param maxResponseBytes the most bytes an answer's body may have
   */
  Transport(HttpClient http, long maxResponseBytes) {
    this.http = http;
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public CompletableFuture<RawResponse> send(HttpRequest request, RequestOptions options, CallControl control) {
    long start = System.nanoTime();
    if (control.callerWaits()) {
      HttpResponse.BodyHandler<byte[]> handler = TimedBody.inlineHandler(request.method(), request.timeout(), start,
          maxResponseBytes);
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
      sent = http.sendAsync(request,
          TimedBody.handler(request.method(), request.timeout(), start, maxResponseBytes));
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
   * Tells whether an attempt failed on the network before a complete response arrived: the connection
   * was refused, reset or closed before or during the headers or the body, the body was cut short, or
   * the connection could not be made in time. HTTP allows such an attempt of an idempotent method to
   * be repeated. Not: other timeouts (the server may be working on it), interruptions, cancellations,
   * an answer over the size limit.
   *
   * @param failure the failure, possibly wrapped
   * @return whether it is a network failure before a complete response
   */
  public static boolean isIncompleteExchange(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (!(cause instanceof LogtoTransportException)) {
      return false;
    }
    boolean io = false;
    for (Throwable t = cause.getCause(); t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
          || t instanceof UnresolvedAddressException) {
        return true;
      }
      if (t instanceof HttpTimeoutException || t instanceof TimeoutException || t instanceof InterruptedException
          || t instanceof LogtoException) {
        return false;
      }
      io |= t instanceof IOException;
    }
    return io;
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
    if (cause instanceof CancellationException cancelled) {
      return cancelled;
    }
    // the body subscriber's own failures (such as the size limit) arrive wrapped by the blocking client
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof LogtoException logto) {
        return logto;
      }
    }
    String what = request.method() + " " + request.uri().getRawPath();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException tooLarge) {
        return new LogtoResponseTooLargeException(what + " -> " + tooLarge.status() + ": body larger than the limit of "
            + tooLarge.limit() + " bytes (LogtoClient.Builder.maxResponseBytes); not read", tooLarge.limit(), null);
      }
    }
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
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ProtocolException) {
        return new LogtoTransportException(what + ": the answer is not valid HTTP (ProtocolException; the text the"
            + " server sent is not shown)", withoutServerText(cause));
      }
    }
    return new LogtoTransportException(what + ": " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause);
  }

  // the JDK's parser quotes the server's bytes (an invalid status line, a header) in its messages, and
  // those bytes may be a body holding a token; the stand-in keeps the trace and stays an IOException,
  // so the retry rules see the same failure
  private static ProtocolException withoutServerText(Throwable cause) {
    ProtocolException standIn = new ProtocolException("not valid HTTP; the server's text is not shown");
    standIn.setStackTrace(cause.getStackTrace());
    return standIn;
  }
}

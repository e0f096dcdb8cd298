package io.logto.management.core.internal.chain;

import io.logto.management.core.Interceptor;
import io.logto.management.core.LogtoException;
import io.logto.management.core.LogtoResponseTooLargeException;
import io.logto.management.core.LogtoTimeoutException;
import io.logto.management.core.LogtoTransportException;
import io.logto.management.core.RawResponse;
import io.logto.management.core.internal.http.BodyTooLargeException;
import io.logto.management.core.internal.http.Futures;
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
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The chain's last step: sends one attempt with the JDK client, on the caller's thread or not as the
 * call's {@link Dispatch} says, enforces the attempt's timeout and the response size limit, and maps
 * I/O failures to SDK exceptions. The timeout is the one the request carries ({@link
 * HttpRequest#timeout()}, resolved when the SDK built it and changed only by an interceptor that
 * rebuilds the request): the JDK client applies it until the headers arrive, and the body must be
 * complete by the same deadline, counted from the moment the attempt is sent.
 */
final class TransportInterceptor implements Interceptor {
  private final HttpClient http;
  private final long maxResponseBytes;

  /**
   * Creates the transport.
   *
   * @param http the shared JDK client
   * @param maxResponseBytes the most bytes an answer's body may have
   */
  TransportInterceptor(HttpClient http, long maxResponseBytes) {
    this.http = http;
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public CompletableFuture<RawResponse> intercept(Chain chain) {
    HttpRequest request = chain.request();
    long start = System.nanoTime();
    Optional<Duration> timeout = request.timeout();
    long deadline = timeout.isPresent() ? start + timeout.get().toNanos() : TimedBody.NONE;
    Call call = RealChain.callOf(chain);
    return call.dispatch().send(http, request, deadline, maxResponseBytes, call::onCancel).handle((response, failure) -> {
      if (failure != null) {
        throw failure(request, failure);
      }
      return raw(request, response, start);
    });
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
    Throwable cause = Futures.unwrap(failure);
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

  private static RuntimeException failure(HttpRequest request, Throwable failure) {
    Throwable cause = Futures.unwrap(failure);
    if (cause instanceof CancellationException cancelled) {
      return cancelled;
    }
    if (cause instanceof InterruptedException) {
      return new LogtoTransportException(request.method() + " " + request.uri().getRawPath() + " interrupted", cause);
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

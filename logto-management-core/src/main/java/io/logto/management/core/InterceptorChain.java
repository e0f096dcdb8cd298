package io.logto.management.core;

import io.logto.management.core.internal.http.PreparedRequest;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the user interceptors in order, then the SDK's layers. Interceptors see a plain JDK request,
 * never the SDK's internal {@link PreparedRequest}, in {@link #request()} and in the answer's
 * {@link RawResponse#request()}; when they pass that request on unchanged, the layers get the prepared
 * one back, so signing it stays a single build.
 */
final class InterceptorChain implements Interceptor.Chain {
  private final List<Interceptor> interceptors;
  private final int index;
  private final HttpRequest request;
  private final PreparedRequest prepared;
  private final RequestOptions options;
  private final Layer last;
  private final CallControl control;

  private InterceptorChain(List<Interceptor> interceptors, int index, HttpRequest request, PreparedRequest prepared,
      RequestOptions options, Layer last, CallControl control) {
    this.interceptors = interceptors;
    this.index = index;
    this.request = request;
    this.prepared = prepared;
    this.options = options;
    this.last = last;
    this.control = control;
  }

  /**
   * Sends a request through the interceptors and then {@code last}.
   *
   * @param interceptors the user interceptors, outermost first
   * @param request the request
   * @param options the call's options
   * @param last the SDK's retry layer
   * @param control the call's cancellation
   * @return the answer
   */
  public static CompletableFuture<RawResponse> run(List<Interceptor> interceptors, PreparedRequest request,
      RequestOptions options, Layer last, CallControl control) {
    HttpRequest visible = request.unsigned();
    return new InterceptorChain(interceptors, 0, visible, request, options, last, control).proceed(visible);
  }

  @Override
  public HttpRequest request() {
    return request;
  }

  @Override
  public RequestOptions options() {
    return options;
  }

  @Override
  public CompletableFuture<RawResponse> proceed(HttpRequest next) {
    if (index >= interceptors.size()) {
      HttpRequest visible = prepared.unsigned();
      return last.send(next == visible ? prepared : next, options, control).thenApply(response ->
          response.request() == prepared ? new RawResponse(visible, response.status(), response.headers(),
              response.body(), response.attempts(), response.duration()) : response);
    }
    InterceptorChain rest = new InterceptorChain(interceptors, index + 1, next, prepared, options, last, control);
    try {
      CompletableFuture<RawResponse> result = interceptors.get(index).intercept(rest);
      if (result == null) {
        return CompletableFuture.failedFuture(
            new NullPointerException("interceptor " + interceptors.get(index) + " returned null"));
      }
      return result;
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}

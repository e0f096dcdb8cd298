package io.logto.management.core.internal.http;

import io.logto.management.core.Interceptor;
import io.logto.management.core.RawResponse;
import io.logto.management.core.RequestOptions;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs the user interceptors in order, then the SDK's layers. */
public final class InterceptorChain implements Interceptor.Chain {
  private final List<Interceptor> interceptors;
  private final int index;
  private final HttpRequest request;
  private final RequestOptions options;
  private final Layer last;
  private final CallControl control;

  private InterceptorChain(List<Interceptor> interceptors, int index, HttpRequest request, RequestOptions options,
      Layer last, CallControl control) {
    this.interceptors = interceptors;
    this.index = index;
    this.request = request;
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
  public static CompletableFuture<RawResponse> run(List<Interceptor> interceptors, HttpRequest request,
      RequestOptions options, Layer last, CallControl control) {
    return new InterceptorChain(interceptors, 0, request, options, last, control).proceed(request);
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
      return last.send(next, options, control);
    }
    InterceptorChain rest = new InterceptorChain(interceptors, index + 1, next, options, last, control);
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

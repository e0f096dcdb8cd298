package io.logto.management.core.internal.chain;

import io.logto.management.core.Interceptor;
import io.logto.management.core.RawResponse;
import io.logto.management.core.RequestOptions;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one chain every request runs through: the user's interceptors, then the SDK's own steps, all of
 * them {@link Interceptor}s (see {@link ClientChain} for their order). Each {@link #proceed} hands the
 * request to the next step with a chain positioned after it; the last step sends it and never
 * proceeds.
 */
public final class RealChain implements Interceptor.Chain {
  private final List<Interceptor> steps;
  private final int index;
  private final HttpRequest request;
  private final Call call;

  /**
   * Creates the chain positioned before step {@code index}.
   *
   * @param steps the steps, outermost first, the transport last
   * @param index the next step to run
   * @param request the request that step is given
   * @param call the call
   */
  RealChain(List<Interceptor> steps, int index, HttpRequest request, Call call) {
    this.steps = steps;
    this.index = index;
    this.request = request;
    this.call = call;
  }

  /**
   * Runs the request through every step from the first.
   *
   * @param steps the steps, outermost first, the transport last
   * @param request the request
   * @param call the call
   * @return the answer
   */
  public static CompletableFuture<RawResponse> run(List<Interceptor> steps, HttpRequest request, Call call) {
    return new RealChain(steps, 0, request, call).proceed(request);
  }

  /**
   * Returns the call a chain of the SDK runs; only the SDK's own steps ask, and every chain they are
   * given is one (as OkHttp's steps take their chain for its {@code RealInterceptorChain}).
   *
   * @param chain the chain a step was given
   * @return its call
   */
  static Call callOf(Interceptor.Chain chain) {
    return ((RealChain) chain).call;
  }

  @Override
  public HttpRequest request() {
    return request;
  }

  @Override
  public RequestOptions options() {
    return call.options();
  }

  // one call site per position in the chain: a client's chain has the same step at a position on
  // every call, so each site sees one type and the JIT inlines the step into the one before it; through
  // a single shared site every step would be a megamorphic call that nothing is inlined across
  private CompletableFuture<RawResponse> intercept(Interceptor step, RealChain chain) {
    return switch (index) {
      case 0 -> step.intercept(chain);
      case 1 -> step.intercept(chain);
      case 2 -> step.intercept(chain);
      case 3 -> step.intercept(chain);
      case 4 -> step.intercept(chain);
      case 5 -> step.intercept(chain);
      default -> step.intercept(chain);
    };
  }

  @Override
  public CompletableFuture<RawResponse> proceed(HttpRequest next) {
    if (index >= steps.size()) {
      return CompletableFuture.failedFuture(new IllegalStateException("the transport step must be the chain's last"));
    }
    Interceptor step = steps.get(index);
    try {
      CompletableFuture<RawResponse> result = intercept(step, new RealChain(steps, index + 1, next, call));
      if (result == null) {
        return CompletableFuture.failedFuture(new NullPointerException("interceptor " + step + " returned null"));
      }
      return result;
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}

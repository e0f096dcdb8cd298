package io.logto.management.core;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Observes or changes every API call. A client runs each call through one chain of interceptors: the
 * ones added to its builder, outermost and in the order added, then the SDK's own steps, which are
 * interceptors too: {@code user interceptors -> retry -> auth -> attempts -> transport}. An interceptor
 * sees a plain JDK request without its {@code Authorization} header and the final
 * answer after retries, with the attempt count and duration; to see each attempt (every retry and the
 * replay after a 401), add a {@link CallListener} instead. Must be thread-safe and must not block.
 *
 * <pre>{@code
 * Interceptor timing = chain -> chain.proceed(chain.request())
 *     .whenComplete((response, failure) -> metrics.record(response));
 * }</pre>
 */
@FunctionalInterface
public interface Interceptor {
  /**
   * Handles one call, usually by calling {@link Chain#proceed(HttpRequest)}.
   *
   * @param chain the rest of the chain
   * @return a future completing with the answer, or exceptionally with a {@link LogtoException}
   */
  CompletableFuture<RawResponse> intercept(Chain chain);

  /** The rest of the chain, as seen by one interceptor. */
  interface Chain {
    /**
     * Returns the request about to be sent.
     *
     * @return the request, without authentication
     */
    HttpRequest request();

    /**
     * Returns the options of this call.
     *
     * @return the options
     */
    RequestOptions options();

    /**
     * Passes the request to the next interceptor in the chain (after the last added one, the SDK's retry step).
     *
     * @param request the request to send, usually {@link #request()} or a copy with added headers
     * @return a future completing with the answer
     */
    CompletableFuture<RawResponse> proceed(HttpRequest request);
  }
}

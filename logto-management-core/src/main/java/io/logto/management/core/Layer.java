package io.logto.management.core;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/** One of the SDK's own stages below the user interceptors: retry, auth, transport. */
@FunctionalInterface
interface Layer {
  /**
   * Sends the request through this stage and the ones below it.
   *
   * @param request the request
   * @param options the call's options
   * @param control the call's cancellation
   * @return a future completing with the answer or a {@code LogtoException}
   */
  CompletableFuture<RawResponse> send(HttpRequest request, RequestOptions options, CallControl control);
}

package io.logto.management.examples.signup;

import io.logto.management.core.Interceptor;
import io.logto.management.core.RawResponse;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Adds an {@code X-Correlation-Id} header to each call, so the application's logs and Logto's can be joined. */
final class CorrelationIdInterceptor implements Interceptor {
  @Override
  public CompletableFuture<RawResponse> intercept(Chain chain) {
    return chain.proceed(HttpRequest.newBuilder(chain.request(), (name, value) -> true)
        .header("X-Correlation-Id", UUID.randomUUID().toString()).build());
  }
}

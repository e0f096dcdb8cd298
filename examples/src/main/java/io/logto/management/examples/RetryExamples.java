package io.logto.management.examples;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.RequestOptions;
import io.logto.management.core.RetryPolicy;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.User;
import java.time.Duration;

/** The code of docs/retries-and-timeouts.md; {@code GuideExamplesTest} runs the per-call options on the emulator. */
final class RetryExamples {
  private RetryExamples() {}

  static LogtoClient configured() {
    // snippet: retries-client
    LogtoClient client = LogtoClient.builder()
        .baseUrl("https://auth.example.com")
        .clientId("your-client-id")
        .clientSecret("your-client-secret")
        .retryPolicy(RetryPolicy.defaults().withMaxRetries(5))  // or RetryPolicy.none()
        .requestTimeout(Duration.ofSeconds(20))                 // default 10 s; noRequestTimeout() disables
        .tokenTimeout(Duration.ofSeconds(5))                    // default 10 s
        .maxResponseBytes(64L * 1024 * 1024)                    // default 32 MiB
        .build();
    // end snippet
    return client;
  }

  static User createWithOptions(LogtoManagement logto, CreateUserRequest request, String traceId) {
    // snippet: retries-per-call
    User user = logto.users().create(request, RequestOptions.builder()
        .retryNonIdempotent(true)               // opt a POST into retries
        .timeout(Duration.ofSeconds(30))
        .header("X-Trace", traceId)
        .build());
    // end snippet
    return user;
  }
}

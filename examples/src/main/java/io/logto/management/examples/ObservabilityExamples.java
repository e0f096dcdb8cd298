package io.logto.management.examples;

import io.logto.management.core.client.LogtoClient;
import io.logto.management.micrometer.LogtoObservations;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;

/** The code of docs/observability.md; {@code GuideExamplesTest} runs each client on the emulator. */
final class ObservabilityExamples {
  /** Whatever the application records timings with. */
  interface Metrics {
    Timer timer(String name, String... tags);
  }

  /** One named timing series of {@link Metrics}. */
  interface Timer {
    void record(Duration duration);
  }

  private ObservabilityExamples() {}

  static LogtoClient withListener(LogtoClient.Builder builder, Metrics metrics) {
    // snippet: observability-listener
    LogtoClient client = builder
        .addListener(event -> metrics.timer("logto.attempt",
                "path", event.pathTemplate(),
                "status", event.status().isPresent() ? String.valueOf(event.status().getAsInt()) : "failed")
            .record(event.duration()))
        .build();
    // end snippet
    return client;
  }

  static LogtoClient withInterceptor(LogtoClient.Builder builder) {
    // snippet: observability-interceptor
    LogtoClient client = builder
        .addInterceptor(chain -> chain.proceed(HttpRequest.newBuilder(chain.request(), (name, value) -> true)
            .header("X-Correlation-Id", correlationId()).build()))
        .build();
    // end snippet
    return client;
  }

  static LogtoClient withObservations(LogtoClient.Builder builder, ObservationRegistry observationRegistry) {
    // snippet: observability-micrometer
    LogtoClient client = builder
        .addListener(LogtoObservations.of(observationRegistry))
        .build();
    // end snippet
    return client;
  }

  private static String correlationId() {
    return UUID.randomUUID().toString();
  }
}

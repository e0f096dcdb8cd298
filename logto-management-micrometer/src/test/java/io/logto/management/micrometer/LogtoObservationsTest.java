package io.logto.management.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.ApiRequest;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.LogtoException;
import io.logto.management.core.RequestOptions;
import io.logto.management.core.RetryPolicy;
import io.logto.management.testkit.LogtoEmulator;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class LogtoObservationsTest {
  private static final ApiRequest LIST_USERS = ApiRequest.get("/api/users").build();
  private static final RetryPolicy QUICK_RETRIES =
      new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10));

  private LogtoEmulator emulator;
  private final ObservationRegistry registry = ObservationRegistry.create();
  private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    emulator = LogtoEmulator.start();
    registry.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }
    });
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private LogtoClient client(RetryPolicy retries) {
    return LogtoClient.builder().baseUrl(emulator.baseUrl()).apiIndicator(emulator.apiIndicator())
        .clientId(emulator.defaultClient().clientId()).clientSecret(emulator.defaultClient().clientSecret())
        .retryPolicy(retries).addListener(LogtoObservations.of(registry)).build();
  }

  private static Map<String, String> tags(Observation.Context context) {
    return StreamSupport.stream(context.getLowCardinalityKeyValues().spliterator(), false)
        .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
  }

  @Test
  void observesTheTokenRequestAndEveryAttemptWithLowCardinalityTags() {
    emulator.faults().failNext(1, 503);

    client(QUICK_RETRIES).call(LIST_USERS, JsonNode.class, RequestOptions.defaults());

    assertThat(stopped).hasSize(3).allSatisfy(context -> {
      assertThat(context.getName()).isEqualTo(DefaultLogtoObservationConvention.NAME);
      assertThat(context.getError()).isNull();
    });
    assertThat(stopped).extracting(LogtoObservationsTest::tags).containsExactly(
        Map.of("kind", "token", "method", "POST", "uri", "/oidc/token", "status", "200", "outcome", "SUCCESS",
            "attempt", "1", "exception", "none"),
        Map.of("kind", "api", "method", "GET", "uri", "/api/users", "status", "503", "outcome", "SERVER_ERROR",
            "attempt", "1", "exception", "none"),
        Map.of("kind", "api", "method", "GET", "uri", "/api/users", "status", "200", "outcome", "SUCCESS",
            "attempt", "2", "exception", "none"));
    assertThat(stopped.get(1).getContextualName()).isEqualTo("GET /api/users");
    assertThat(stopped.get(1).getHighCardinalityKeyValue("http.path").getValue()).isEqualTo("/api/users");
  }

  @Test
  void pathTemplateIsTheTagAndThePathOnlyHighCardinality() {
    ApiRequest getUser = ApiRequest.get("/api/users/{userId}").pathParam("userId", "u-123").build();

    assertThatThrownBy(() -> client(RetryPolicy.none()).call(getUser, JsonNode.class, RequestOptions.defaults()))
        .isInstanceOf(LogtoException.class);

    Observation.Context attempt = stopped.get(stopped.size() - 1);
    assertThat(tags(attempt)).containsEntry("uri", "/api/users/{userId}").containsEntry("status", "404")
        .containsEntry("outcome", "CLIENT_ERROR");
    assertThat(tags(attempt).values()).noneMatch(value -> value.contains("u-123"));
    assertThat(attempt.getHighCardinalityKeyValue("http.path").getValue()).isEqualTo("/api/users/u-123");
  }

  @Test
  void anAttemptWithoutAnAnswerIsAnErrorWithItsExceptionTag() {
    emulator.faults().dropNextConnections(1);

    assertThatThrownBy(() -> client(RetryPolicy.none()).call(LIST_USERS, JsonNode.class, RequestOptions.defaults()))
        .isInstanceOf(LogtoException.class);

    Observation.Context attempt = stopped.get(stopped.size() - 1);
    assertThat(tags(attempt)).containsEntry("status", "IO_ERROR").containsEntry("outcome", "UNKNOWN")
        .containsEntry("attempt", "1");
    assertThat(attempt.getError()).isInstanceOf(LogtoException.class);
    assertThat(tags(attempt).get("exception")).isEqualTo(attempt.getError().getClass().getSimpleName());
  }

  @Test
  void noTagHoldsTheSecretOrTheToken() {
    client(RetryPolicy.none()).call(LIST_USERS, JsonNode.class, RequestOptions.defaults());

    String secret = emulator.defaultClient().clientSecret();
    assertThat(stopped).isNotEmpty().allSatisfy(context -> {
      assertThat(context.getAllKeyValues()).extracting(KeyValue::getKey).containsOnly(
          "kind", "method", "uri", "status", "outcome", "attempt", "exception", "http.path", "logto.request_id");
      assertThat(context.getAllKeyValues()).extracting(KeyValue::getValue)
          .noneMatch(value -> value.contains(secret) || value.startsWith("ey") || value.contains("Bearer"));
    });
  }

  @Test
  void aMeterRegistryGetsATimerPerTagSetMeasuringTheWholeRequest() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    emulator.faults().latency(Duration.ofMillis(60));

    client(RetryPolicy.none()).call(LIST_USERS, JsonNode.class, RequestOptions.defaults());
    client(RetryPolicy.none()).call(LIST_USERS, JsonNode.class, RequestOptions.defaults());

    Timer api = meters.get(DefaultLogtoObservationConvention.NAME).tags("kind", "api", "uri", "/api/users",
        "status", "200").timer();
    assertThat(api.count()).isEqualTo(2);
    assertThat(api.totalTime(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(120);
    assertThat(meters.get(DefaultLogtoObservationConvention.NAME).tags("kind", "token").timer().count())
        .isEqualTo(2);
  }

  @Test
  void aNoopRegistryCostsNothingAndRecordsNothing() {
    LogtoClient client = LogtoClient.builder().baseUrl(emulator.baseUrl()).apiIndicator(emulator.apiIndicator())
        .clientId(emulator.defaultClient().clientId()).clientSecret(emulator.defaultClient().clientSecret())
        .addListener(LogtoObservations.of(ObservationRegistry.NOOP)).build();

    assertThat(client.call(LIST_USERS, JsonNode.class, RequestOptions.defaults()).isArray()).isTrue();
    assertThat(stopped).isEmpty();
  }
}

package io.logto.management.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.core.client.LogtoClient;
import io.logto.management.testkit.LogtoEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class LogtoHealthCheckTest {
  private static LogtoEmulator emulator;

  @BeforeAll
  static void start() {
    emulator = LogtoEmulator.start();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void clearFaults() {
    emulator.faults().clear();
    emulator.resetRequestCounts();
  }

  private static LogtoClient.Builder client() {
    return LogtoClient.builder().baseUrl(emulator.baseUrl()).apiIndicator(emulator.apiIndicator())
        .clientId(emulator.defaultClient().clientId());
  }

  @Test
  void upWhenATokenIsObtainedAndStatusAnswers() {
    LogtoHealthCheck.Result result =
        new LogtoHealthCheck(client().clientSecret(emulator.defaultClient().clientSecret()).build()).check();

    assertThat(result.up()).isTrue();
    assertThat(result.details()).containsEntry("endpoint", emulator.baseUrl().toString())
        .containsEntry("token", "obtained").containsEntry("status", "answered").containsKey("durationMs");
    assertThat(emulator.requestCount("GetStatus")).isEqualTo(1);
    assertThat(emulator.tokenRequestCount()).isEqualTo(1);
  }

  @Test
  void downWhenNoTokenIsGrantedAndTheSecretIsNeverShown() {
    LogtoHealthCheck.Result result =
        new LogtoHealthCheck(client().clientSecret("wrong-secret-never-shown").build()).check();

    assertThat(result.up()).isFalse();
    assertThat(result.details()).containsEntry("token", "failed");
    assertThat(result.details().get("error").toString()).startsWith("LogtoTokenException");
    assertThat(result.details().toString()).doesNotContain("wrong-secret-never-shown");
    assertThat(emulator.requestCount("GetStatus")).isZero();
  }

  @Test
  void downWithTheStatusWhenStatusFailsAndNeverRetried() {
    emulator.faults().failNext(1, 503);
    LogtoHealthCheck.Result result =
        new LogtoHealthCheck(client().clientSecret(emulator.defaultClient().clientSecret()).build()).check();

    assertThat(result.up()).isFalse();
    assertThat(result.details()).containsEntry("token", "obtained").containsEntry("status", 503);
    assertThat(emulator.requestCount("GetStatus")).isEqualTo(1);
  }
}

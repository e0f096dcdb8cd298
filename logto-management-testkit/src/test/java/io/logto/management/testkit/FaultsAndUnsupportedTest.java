package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class FaultsAndUnsupportedTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);


  @Test
  void unsupportedOperationAnswers501NamingIt() {
    // the OpenAPI document of an end-user API: Logto's to ship, so the emulator answers 501 naming it
    Http.Answer answer = http.get("/.well-known/user.openapi.json");

    assertThat(answer.status()).isEqualTo(501);
    assertThat(answer.code()).isEqualTo("emulator.not_implemented");
    assertThat(answer.body().at("/data/operationId").asText()).isEqualTo("GetWellKnownUserOpenapiJson");
    assertThat(answer.body().get("message").asText()).contains("GetWellKnownUserOpenapiJson");
    assertThat(logto.supportedOperations()).contains("ListUsers", "CreateOrganization", "CreateHook", "CreateHookTest");
  }

  @Test
  void literalPathSegmentsWinOverParameters() {
    String org = http.post("/organizations", "{\"name\":\"o\"}").body().get("id").asText();

    Http.Answer answer = http.post("/organizations/" + org + "/users/roles",
        "{\"userIds\":[],\"organizationRoleIds\":[]}");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(logto.requestCount("AssignOrganizationRolesToUsers")).isEqualTo(1);
    assertThat(logto.requestCount("AssignOrganizationRolesToUser")).isZero();
  }

  @Test
  void countsRequestsPerOperationWhateverTheOutcome() {
    http.get("/users");
    http.get("/users/none");
    http.callWith(null, "GET", "/users", null);

    assertThat(logto.requestCount("ListUsers")).isEqualTo(2);
    assertThat(logto.requestCount("GetUser")).isEqualTo(1);
    assertThat(logto.tokenRequestCount()).isEqualTo(1);
    assertThat(logto.requestCounts()).containsEntry("oidc.token", 1L).containsEntry("ListUsers", 2L);
    logto.resetRequestCounts();
    assertThat(logto.requestCounts()).isEmpty();
  }

  @Test
  void failNextAnswersTheStatusThatManyTimesThenRecovers() {
    http.token();
    logto.faults().failNext(2, 503);

    assertThat(http.get("/users").status()).isEqualTo(503);
    Http.Answer second = http.get("/users");
    assertThat(second.status()).isEqualTo(503);
    assertThat(second.code()).isEqualTo("emulator.injected_failure");
    assertThat(second.header("Logto-Core-Request-Id")).isNotNull();
    assertThat(http.get("/users").status()).isEqualTo(200);
    assertThat(logto.requestCount("ListUsers")).isEqualTo(3);
  }

  @Test
  void rateLimitNextAnswers429WithRetryAfterSeconds() {
    http.token();
    logto.faults().rateLimitNext(1, Duration.ofSeconds(7));

    Http.Answer limited = http.get("/users");

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("7");
    assertThat(http.get("/users").status()).isEqualTo(200);
  }

  @Test
  void droppedConnectionGivesTheClientAnIoErrorAndTheNextCallWorks() {
    http.token();
    logto.faults().dropNextConnections(1);

    assertThatThrownBy(() -> http.get("/users")).isInstanceOf(UncheckedIOException.class);
    assertThat(logto.requestCount("ListUsers")).isEqualTo(1);
    assertThat(http.get("/users").status()).isEqualTo(200);
  }

  @Test
  void tokenRequestsAreNotHitByOneShotFaults() {
    logto.faults().failNext(1, 500);

    assertThat(http.token(logto.defaultClient()).status()).isEqualTo(200);
    assertThat(http.get("/users").status()).isEqualTo(500);
  }

  @Test
  void latencyStillAnswersAndClearRemovesIt() {
    logto.faults().latency(Duration.ofMillis(5));

    assertThat(http.get("/users").status()).isEqualTo(200);
    logto.faults().clear();
    assertThat(http.get("/users").status()).isEqualTo(200);
  }

  @Test
  void faultArgumentsAreValidated() {
    assertThatThrownBy(() -> logto.faults().failNext(1, 404)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("404");
    assertThatThrownBy(() -> logto.faults().failNext(-1, 500)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> logto.faults().latency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> logto.faults().rateLimitNext(1, null)).isInstanceOf(NullPointerException.class);
  }
}

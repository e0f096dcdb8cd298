package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class DashboardAndHousekeepingTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.builder().clock(clock).tokenLifetime(Duration.ofDays(30)).start();
  private final Http http = new Http(logto);

  @Test
  void dashboardCountsComeFromTheUsersAndTheirCreationDays() {
    http.post("/users", "{\"username\":\"old\"}");
    clock.advance(Duration.ofDays(1));
    http.post("/users", "{\"username\":\"new1\"}");
    http.post("/users", "{\"username\":\"new2\"}");

    assertThat(http.get("/dashboard/users/total").body().get("totalUserCount").asInt()).isEqualTo(3);
    JsonNode fresh = http.get("/dashboard/users/new").body();
    assertThat(fresh.get("today").toString()).isEqualTo("{\"count\":2,\"delta\":1}");
    assertThat(fresh.get("last7Days").toString()).isEqualTo("{\"count\":3,\"delta\":3}");
    JsonNode active = http.get("/dashboard/users/active?date=2026-11-29").body();
    assertThat(active.get("dauCurve")).hasSize(30);
    assertThat(active.at("/dauCurve/0/date").asText()).isEqualTo("2026-10-31");
    assertThat(active.at("/dauCurve/29/date").asText()).isEqualTo("2026-11-29");
    assertThat(active.get("mau").toString()).isEqualTo("{\"count\":0,\"delta\":0}");
    assertThat(http.get("/dashboard/users/active?date=yesterday").code()).isEqualTo("guard.invalid_input");
  }

  @Test
  void aSubjectTokenIsIssuedForAnExistingUserOnly() {
    String user = http.post("/users", "{\"username\":\"imp\"}").body().get("id").asText();

    Http.Answer token = http.post("/subject-tokens", "{\"userId\":\"" + user + "\",\"context\":{\"why\":\"support\"}}");
    assertThat(token.status()).isEqualTo(201);
    assertThat(token.body().get("subjectToken").asText()).startsWith("sub_");
    assertThat(token.body().get("expiresIn").asInt()).isEqualTo(600);
    assertThat(http.post("/subject-tokens", "{\"userId\":\"nobody\"}").status()).isEqualTo(404);
    assertThat(http.post("/subject-tokens", "{\"userId\":1}").code()).isEqualTo("guard.invalid_input");
  }

  @Test
  void secretsAndSentinelActivitiesHaveNothingToDelete() {
    Http.Answer secret = http.delete("/secrets/any");
    assertThat(secret.status()).isEqualTo(404);
    assertThat(secret.code()).isEqualTo("entity.not_found");
    assertThat(http.post("/sentinel-activities/delete", "{\"targetType\":\"User\",\"targets\":[\"u1\"]}").status())
        .isEqualTo(204);
    Http.Answer bad = http.post("/sentinel-activities/delete", "{\"targetType\":\"Robot\",\"targets\":[]}");
    assertThat(bad.code()).isEqualTo("guard.invalid_input");
    assertThat(bad.body().at("/data/issues/0/code").asText()).isEqualTo("invalid_enum_value");
  }

  @Test
  void userAssetsAnswerAsALogtoWithoutAStorageProvider() {
    assertThat(http.get("/user-assets/service-status").body().toString())
        .isEqualTo("{\"status\":\"not_configured\",\"isExperienceAvatarUploadEnabled\":true}");
    // Logto's files guard runs first: a JSON body has no files (UserAssetsTest uploads real files)
    Http.Answer upload = http.post("/user-assets", "{}");
    assertThat(upload.status()).isEqualTo(400);
    assertThat(upload.code()).isEqualTo("guard.invalid_input");
    assertThat(upload.body().get("message").asText()).isEqualTo("The request files is invalid.");
  }
}

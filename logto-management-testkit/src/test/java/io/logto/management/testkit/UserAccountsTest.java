package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A user's identities, MFA verifications, personal access tokens, configs, sessions and grants, over HTTP. */
final class UserAccountsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00.123Z"));
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.builder().clock(clock).start();
  private final Http http = new Http(logto);
  private final String user = http.post("/users", "{\"username\":\"erin\",\"password\":\"pw-Passw0rd\"}")
      .body().get("id").asText();

  @Test
  void identityIsCreatedThenReplacedReadListedAndDeleted() {
    String body = "{\"userId\":\"ext-1\",\"details\":{\"email\":\"e@example.com\",\"name\":\"Erin\"}}";
    Http.Answer created = http.put("/users/" + user + "/identities/github", body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().at("/github/userId").asText()).isEqualTo("ext-1");
    // details come back in PostgreSQL jsonb key order
    assertThat(created.body().at("/github/details").fieldNames()).toIterable().containsExactly("name", "email");
    assertThat(http.put("/users/" + user + "/identities/github", "{\"userId\":\"ext-1\"}").status()).isEqualTo(200);

    assertThat(http.get("/users/" + user + "/identities/github").body().at("/identity/userId").asText())
        .isEqualTo("ext-1");
    JsonNode all = http.get("/users/" + user + "/all-identities").body();
    assertThat(all.at("/socialIdentities/0/target").asText()).isEqualTo("github");
    assertThat(all.get("ssoIdentities")).isEmpty();
    assertThat(http.get("/users/" + user).body().at("/identities/github/userId").asText()).isEqualTo("ext-1");

    Http.Answer deleted = http.delete("/users/" + user + "/identities/github");
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body().get("identities")).isEmpty();
    assertThat(deleted.body().get("hasPassword").asBoolean()).isTrue();
    Http.Answer gone = http.get("/users/" + user + "/identities/github");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.code()).isEqualTo("user.identity_not_exist");
  }

  @Test
  void identityHeldByAnotherUserAnswers422() {
    String other = http.post("/users", "{\"username\":\"frank\"}").body().get("id").asText();
    http.put("/users/" + other + "/identities/github", "{\"userId\":\"ext-1\"}");

    Http.Answer answer = http.put("/users/" + user + "/identities/github", "{\"userId\":\"ext-1\"}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.code()).isEqualTo("user.identity_already_in_use");
  }

  @Test
  void linkingThroughAConnectorValidatesTheBodyThenFindsNoSuchConnector() {
    assertThat(http.post("/users/" + user + "/identities", "{\"connectorId\":42}").code())
        .isEqualTo("guard.invalid_input");
    Http.Answer answer = http.post("/users/" + user + "/identities",
        "{\"connectorId\":\"no-such-connector\",\"connectorData\":{\"code\":\"x\"}}");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.code()).isEqualTo("entity.not_found");

    String email = http.post("/connectors", "{\"connectorId\":\"mock-email-service\",\"config\":{}}")
        .body().path("id").asText("");
    if (!email.isEmpty()) {
      assertThat(http.post("/users/" + user + "/identities",
          "{\"connectorId\":\"" + email + "\",\"connectorData\":{}}").code()).isEqualTo("session.invalid_connector_id");
    }
    String social = http.post("/connectors", "{\"connectorId\":\"mock-social-connector\",\"config\":{}}")
        .body().get("id").asText();
    Http.Answer linked = http.post("/users/" + user + "/identities",
        "{\"connectorId\":\"" + social + "\",\"connectorData\":{\"code\":\"x\"}}");
    assertThat(linked.status()).isEqualTo(501);
    assertThat(linked.body().at("/data/missing").asText()).contains("social provider");
  }

  @Test
  void totpAndBackupCodesAreBoundListedAndRemoved() {
    Http.Answer backupAlone = http.post("/users/" + user + "/mfa-verifications", "{\"type\":\"BackupCode\"}");
    assertThat(backupAlone.status()).isEqualTo(422);
    assertThat(backupAlone.code()).isEqualTo("session.mfa.backup_code_can_not_be_alone");

    Http.Answer totp = http.post("/users/" + user + "/mfa-verifications", "{\"type\":\"Totp\"}");
    assertThat(totp.status()).isEqualTo(200);
    assertThat(totp.body().get("secret").asText()).matches("[A-Z2-7]{32}");
    assertThat(totp.body().get("secretQrCode").asText()).startsWith("data:image/png;base64,");
    assertThat(http.post("/users/" + user + "/mfa-verifications", "{\"type\":\"Totp\"}").code())
        .isEqualTo("user.totp_already_in_use");
    Http.Answer codes = http.post("/users/" + user + "/mfa-verifications", "{\"type\":\"BackupCode\"}");
    assertThat(codes.body().get("codes")).hasSize(10);
    assertThat(codes.body().get("codes").get(0).asText()).matches("[0-9a-f]{10}");
    assertThat(http.post("/users/" + user + "/mfa-verifications", "{\"type\":\"BackupCode\"}").code())
        .isEqualTo("user.backup_code_already_in_use");

    JsonNode listed = http.get("/users/" + user + "/mfa-verifications").body();
    assertThat(listed).hasSize(2);
    assertThat(listed.get(0).get("type").asText()).isEqualTo("Totp");
    assertThat(listed.get(0).get("createdAt").asText()).isEqualTo("2026-06-01T10:00:00.123Z");
    assertThat(listed.get(0).has("secret")).isFalse();
    assertThat(listed.get(1).get("remainCodes").asInt()).isEqualTo(10);

    assertThat(http.delete("/users/" + user + "/mfa-verifications/" + listed.get(0).get("id").asText()).status())
        .isEqualTo(204);
    assertThat(http.delete("/users/" + user + "/mfa-verifications/nope").code()).isEqualTo("entity.not_found");
    assertThat(http.get("/users/" + user + "/mfa-verifications").body()).hasSize(1);
  }

  @Test
  void suppliedTotpSecretIsKeptAndABadOneRefused() {
    assertThat(http.post("/users/" + user + "/mfa-verifications", "{\"type\":\"Totp\",\"secret\":\"not base32!\"}")
        .code()).isEqualTo("user.totp_secret_invalid");
    Http.Answer answer = http.post("/users/" + user + "/mfa-verifications",
        "{\"type\":\"Totp\",\"secret\":\"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"}");
    assertThat(answer.body().get("secret").asText()).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  }

  @Test
  void personalAccessTokensAreCreatedListedRenamedAndDeleted() {
    long tomorrow = clock.millis() + 86_400_000L;
    Http.Answer first = http.post("/users/" + user + "/personal-access-tokens",
        "{\"name\":\"ci\",\"expiresAt\":" + tomorrow + "}");
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body().get("value").asText()).matches("pat_[0-9A-Za-z]{32}");
    assertThat(first.body().get("expiresAt").asLong()).isEqualTo(tomorrow);
    assertThat(first.body().get("userId").asText()).isEqualTo(user);
    clock.advance(java.time.Duration.ofSeconds(1));
    http.post("/users/" + user + "/personal-access-tokens", "{\"name\":\"cli\",\"expiresAt\":null}");
    assertThat(http.post("/users/" + user + "/personal-access-tokens", "{\"name\":\"ci\"}").code())
        .isEqualTo("entity.unique_integrity_violation");
    Http.Answer past = http.post("/users/" + user + "/personal-access-tokens",
        "{\"name\":\"old\",\"expiresAt\":" + (clock.millis() - 1) + "}");
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.code()).isEqualTo("request.invalid_input");

    JsonNode listed = http.get("/users/" + user + "/personal-access-tokens").body();
    assertThat(listed).extracting(token -> token.get("name").asText()).containsExactly("cli", "ci");

    assertThat(http.patch("/users/" + user + "/personal-access-tokens/ci", "{\"name\":\"ci-2\"}").body()
        .get("name").asText()).isEqualTo("ci-2");
    assertThat(http.patch("/users/" + user + "/personal-access-tokens", "{\"name\":\"ci/3\",\"currentName\":\"ci-2\"}")
        .body().get("value").asText()).isEqualTo(first.body().get("value").asText());
    assertThat(http.post("/users/" + user + "/personal-access-tokens/delete", "{\"name\":\"ci/3\"}").status())
        .isEqualTo(204);
    assertThat(http.delete("/users/" + user + "/personal-access-tokens/cli").status()).isEqualTo(204);
    assertThat(http.delete("/users/" + user + "/personal-access-tokens/cli").code()).isEqualTo("entity.not_found");
    assertThat(http.get("/users/" + user + "/personal-access-tokens").body()).isEmpty();
  }

  @Test
  void tokenForAMissingUserAnswers422AndListing404() {
    assertThat(http.post("/users/nobody/personal-access-tokens", "{\"name\":\"x\"}").code())
        .isEqualTo("entity.relation_foreign_key_not_found");
    assertThat(http.get("/users/nobody/personal-access-tokens").code()).isEqualTo("entity.not_found");
  }

  @Test
  void logtoConfigsStartWithLogtoDefaultsAndMergePatches() {
    JsonNode defaults = http.get("/users/" + user + "/logto-configs").body();
    assertThat(defaults.toString())
        .isEqualTo("{\"mfa\":{\"skipped\":false,\"skipMfaOnSignIn\":false},\"passkeySignIn\":{\"skipped\":false}}");

    JsonNode patched = http.patch("/users/" + user + "/logto-configs", "{\"mfa\":{\"skipped\":true}}").body();

    assertThat(patched.at("/mfa/skipped").asBoolean()).isTrue();
    assertThat(patched.at("/mfa/skipMfaOnSignIn").asBoolean()).isFalse();
    assertThat(http.patch("/users/" + user + "/logto-configs", "{\"mfa\":{\"skipped\":\"yes\"}}").code())
        .isEqualTo("guard.invalid_input");
  }

  @Test
  void passwordExpirationAnswersTheUser() {
    Http.Answer answer = http.patch("/users/" + user + "/password/expiration", "{\"isExpired\":true}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("id").asText()).isEqualTo(user);
    assertThat(http.patch("/users/" + user + "/password/expiration", "{}").code()).isEqualTo("guard.invalid_input");
    assertThat(http.patch("/users/nobody/password/expiration", "{\"isExpired\":true}").status()).isEqualTo(404);
  }

  @Test
  void sessionsAndGrantsAreEmptyWithoutASignIn() {
    assertThat(http.get("/users/" + user + "/sessions").body().toString()).isEqualTo("{\"sessions\":[]}");
    assertThat(http.get("/users/" + user + "/grants").body().toString()).isEqualTo("{\"grants\":[]}");
    assertThat(http.get("/users/" + user + "/grants?appType=nope").code()).isEqualTo("guard.invalid_input");
    assertThat(http.get("/users/" + user + "/sessions/s1").code()).isEqualTo("oidc.session_not_found");
    assertThat(http.delete("/users/" + user + "/sessions/s1").status()).isEqualTo(404);
    assertThat(http.delete("/users/" + user + "/grants/g1").code()).isEqualTo("oidc.invalid_grant");
    Http.Answer sso = http.get("/users/" + user + "/sso-identities/c1");
    assertThat(sso.status()).isEqualTo(404);
    assertThat(sso.code()).isEqualTo("user.enterprise_sso_identity_not_exists");
  }

  @Test
  void deletedUserTakesItsTokensFactorsAndIdentitiesAlong() {
    http.post("/users/" + user + "/personal-access-tokens", "{\"name\":\"ci\"}");
    http.post("/users/" + user + "/mfa-verifications", "{\"type\":\"Totp\"}");
    http.put("/users/" + user + "/identities/github", "{\"userId\":\"ext-1\"}");
    String other = http.post("/users", "{\"username\":\"frank\"}").body().get("id").asText();

    assertThat(http.delete("/users/" + user).status()).isEqualTo(204);

    // the external identity is free again, and nothing of the user answers any more
    assertThat(http.put("/users/" + other + "/identities/github", "{\"userId\":\"ext-1\"}").status()).isEqualTo(201);
    assertThat(http.get("/users/" + user + "/personal-access-tokens").status()).isEqualTo(404);
    assertThat(http.get("/users/" + user + "/mfa-verifications").status()).isEqualTo(404);
  }
}

package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class OneTimeTokensAndInvitationsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.builder().clock(clock).start();
  private final Http http = new Http(logto);

  @Test
  void aOneTimeTokenIsConsumedOnceByItsEmailAndExpires() {
    JsonNode token = http.post("/one-time-tokens", "{\"email\":\"a@example.com\",\"expiresIn\":60}").body();
    assertThat(token.get("status").asText()).isEqualTo("active");
    assertThat(token.get("context").toString()).isEqualTo("{}");
    assertThat(token.get("expiresAt").asLong()).isEqualTo(clock.millis() + 60_000);
    String verify = "{\"token\":\"" + token.get("token").asText() + "\",\"email\":\"%s\"}";

    Http.Answer wrongEmail = http.post("/one-time-tokens/verify", verify.formatted("b@example.com"));
    assertThat(wrongEmail.status()).isEqualTo(400);
    assertThat(wrongEmail.code()).isEqualTo("one_time_token.email_mismatch");
    assertThat(http.post("/one-time-tokens/verify", verify.formatted("a@example.com")).body().get("status").asText())
        .isEqualTo("consumed");
    assertThat(http.post("/one-time-tokens/verify", verify.formatted("a@example.com")).code())
        .isEqualTo("one_time_token.token_consumed");
    assertThat(http.post("/one-time-tokens/verify", "{\"token\":\"nope\",\"email\":\"a@example.com\"}").status())
        .isEqualTo(404);

    JsonNode second = http.post("/one-time-tokens", "{\"email\":\"a@example.com\",\"expiresIn\":60}").body();
    clock.advance(Duration.ofSeconds(61));
    Http.Answer expired = http.post("/one-time-tokens/verify",
        "{\"token\":\"" + second.get("token").asText() + "\",\"email\":\"a@example.com\"}");
    assertThat(expired.code()).isEqualTo("one_time_token.token_expired");
    assertThat(http.get("/one-time-tokens?status=expired").body()).hasSize(1);
    assertThat(http.get("/one-time-tokens?email=a%40example.com").body()).hasSize(2);
  }

  @Test
  void aTokenCanBeRevokedButNeverReactivatedAndDeleted() {
    String id = http.post("/one-time-tokens", "{\"email\":\"c@example.com\"}").body().get("id").asText();

    assertThat(http.put("/one-time-tokens/" + id + "/status", "{\"status\":\"revoked\"}").body().get("status").asText())
        .isEqualTo("revoked");
    assertThat(http.put("/one-time-tokens/" + id + "/status", "{\"status\":\"active\"}").code())
        .isEqualTo("one_time_token.cannot_reactivate_token");
    assertThat(http.delete("/one-time-tokens/" + id).status()).isEqualTo(204);
    Http.Answer gone = http.get("/one-time-tokens/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.code()).isEqualTo("entity.not_exists_with_id");
  }

  @Test
  void anInvitationCarriesItsRolesAndAcceptingItMakesTheUserAMember() {
    String org = http.post("/organizations", "{\"name\":\"acme\"}").body().get("id").asText();
    String role = http.post("/organization-roles", "{\"name\":\"member\"}").body().get("id").asText();
    String expiresAt = Long.toString(clock.millis() + 86_400_000);

    Http.Answer created = http.post("/organization-invitations", "{\"invitee\":\"bob@example.com\",\"organizationId\":\""
        + org + "\",\"expiresAt\":" + expiresAt + ",\"organizationRoleIds\":[\"" + role + "\"]}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode invitation = created.body();
    assertThat(invitation.get("status").asText()).isEqualTo("Pending");
    assertThat(invitation.at("/organizationRoles/0/name").asText()).isEqualTo("member");
    String id = invitation.get("id").asText();

    String bob = http.post("/users", "{\"username\":\"bob\",\"primaryEmail\":\"bob@example.com\"}").body().get("id")
        .asText();
    String eve = http.post("/users", "{\"username\":\"eve\",\"primaryEmail\":\"eve@example.com\"}").body().get("id")
        .asText();
    assertThat(http.put("/organization-invitations/" + id + "/status",
        "{\"status\":\"Accepted\",\"acceptedUserId\":\"" + eve + "\"}").status()).isEqualTo(422);
    JsonNode accepted = http.put("/organization-invitations/" + id + "/status",
        "{\"status\":\"Accepted\",\"acceptedUserId\":\"" + bob + "\"}").body();
    assertThat(accepted.get("status").asText()).isEqualTo("Accepted");
    assertThat(accepted.get("acceptedUserId").asText()).isEqualTo(bob);
    assertThat(http.get("/organizations/" + org + "/users").body()).extracting(u -> u.get("id").asText())
        .containsExactly(bob);
    assertThat(http.get("/organizations/" + org + "/users/" + bob + "/roles").body().get(0).get("id").asText())
        .isEqualTo(role);
    assertThat(http.put("/organization-invitations/" + id + "/status", "{\"status\":\"Revoked\"}").code())
        .isEqualTo("request.invalid_input");

    Http.Answer again = http.post("/organization-invitations", "{\"invitee\":\"bob@example.com\",\"organizationId\":\""
        + org + "\",\"expiresAt\":" + expiresAt + "}");
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.body().get("message").asText()).contains("already a member");
    assertThat(http.get("/organization-invitations?organizationId=" + org).body()).hasSize(1);
  }

  @Test
  void invitationsAreValidatedExpireAndNeedAConnectorToBeMailed() {
    String org = http.post("/organizations", "{\"name\":\"acme\"}").body().get("id").asText();
    String soon = Long.toString(clock.millis() + 1000);

    assertThat(http.post("/organization-invitations", "{\"invitee\":\"not-an-email\",\"organizationId\":\"" + org
        + "\",\"expiresAt\":" + soon + "}").code()).isEqualTo("guard.invalid_input");
    assertThat(http.post("/organization-invitations", "{\"invitee\":\"x@example.com\",\"organizationId\":\"" + org
        + "\",\"expiresAt\":1}").code()).isEqualTo("request.invalid_input");
    assertThat(http.post("/organization-invitations", "{\"invitee\":\"x@example.com\",\"organizationId\":\"nope\","
        + "\"expiresAt\":" + soon + "}").code()).isEqualTo("entity.relation_foreign_key_not_found");

    Http.Answer mailed = http.post("/organization-invitations", "{\"invitee\":\"x@example.com\",\"organizationId\":\""
        + org + "\",\"expiresAt\":" + soon + ",\"messagePayload\":{\"link\":\"https://app.example/join\"}}");
    assertThat(mailed.status()).isEqualTo(501);
    assertThat(mailed.code()).isEqualTo("connector.not_found");
    assertThat(http.get("/organization-invitations").body()).isEmpty();
    assertThat(logto.sentMessages()).isEmpty();

    String id = http.post("/organization-invitations", "{\"invitee\":\"x@example.com\",\"organizationId\":\"" + org
        + "\",\"expiresAt\":" + soon + "}").body().get("id").asText();
    clock.advance(Duration.ofSeconds(2));
    assertThat(http.get("/organization-invitations/" + id).body().get("status").asText()).isEqualTo("Expired");
    assertThat(http.delete("/organization-invitations/" + id).status()).isEqualTo(204);
    assertThat(http.get("/organization-invitations/" + id).code()).isEqualTo("entity.not_found");
  }
}

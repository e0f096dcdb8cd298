package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What Logto's foreign keys ({@code on delete cascade}) remove with a deleted entity, seen over HTTP. */
final class CascadesTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.builder().clock(clock).start();
  private final Http http = new Http(logto);
  private final String expiresAt = Long.toString(clock.millis() + 86_400_000);

  private static String id(Http.Answer answer) {
    return answer.body().get("id").asText();
  }

  private String invite(String invitee, String org, String extra) {
    Http.Answer created = http.post("/organization-invitations", "{\"invitee\":\"" + invitee
        + "\",\"organizationId\":\"" + org + "\",\"expiresAt\":" + expiresAt + extra + "}");
    assertThat(created.status()).isEqualTo(201);
    return id(created);
  }

  @Test
  void deletingAnOrganizationDeletesItsInvitations() {
    String org = id(http.post("/organizations", "{\"name\":\"acme\"}"));
    String other = id(http.post("/organizations", "{\"name\":\"globex\"}"));
    String invitation = invite("bob@example.com", org, "");
    String kept = invite("bob@example.com", other, "");

    assertThat(http.delete("/organizations/" + org).status()).isEqualTo(204);

    assertThat(http.get("/organization-invitations/" + invitation).status()).isEqualTo(404);
    JsonNode listed = http.get("/organization-invitations").body();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asText()).isEqualTo(kept);
  }

  @Test
  void deletingAUserDeletesTheInvitationsTheySentOrAccepted() {
    String org = id(http.post("/organizations", "{\"name\":\"acme\"}"));
    String inviter = id(http.post("/users", "{\"username\":\"ann\",\"primaryEmail\":\"ann@example.com\"}"));
    String bob = id(http.post("/users", "{\"username\":\"bob\",\"primaryEmail\":\"bob@example.com\"}"));
    String sent = invite("carl@example.com", org, ",\"inviterId\":\"" + inviter + "\"");
    String accepted = invite("bob@example.com", org, "");
    assertThat(http.put("/organization-invitations/" + accepted + "/status",
        "{\"status\":\"Accepted\",\"acceptedUserId\":\"" + bob + "\"}").status()).isEqualTo(200);
    String untouched = invite("dora@example.com", org, "");

    http.delete("/users/" + inviter);
    http.delete("/users/" + bob);

    assertThat(http.get("/organization-invitations/" + sent).status()).isEqualTo(404);
    assertThat(http.get("/organization-invitations/" + accepted).status()).isEqualTo(404);
    assertThat(http.get("/organization-invitations/" + untouched).status()).isEqualTo(200);
  }

  @Test
  void deletingAnOrganizationRoleRemovesItFromInvitationsAndAccessControl() {
    String org = id(http.post("/organizations", "{\"name\":\"acme\"}"));
    String member = id(http.post("/organization-roles", "{\"name\":\"member\"}"));
    String admin = id(http.post("/organization-roles", "{\"name\":\"admin\"}"));
    String invitation = invite("bob@example.com", org, ",\"organizationRoleIds\":[\"" + member + "\",\"" + admin
        + "\"]");
    String app = id(http.post("/applications", "{\"name\":\"spa\",\"type\":\"SPA\"}"));
    String path = "/applications/" + app + "/access-control";
    assertThat(http.put(path, "{\"userIds\":[],\"userRoleIds\":[],\"organizationIds\":[],\"organizationRoleRules\":"
        + "[{\"organizationId\":\"" + org + "\",\"organizationRoleIds\":[\"" + member + "\"]}]}").status())
        .isEqualTo(200);

    assertThat(http.delete("/organization-roles/" + member).status()).isEqualTo(204);

    JsonNode roles = http.get("/organization-invitations/" + invitation).body().get("organizationRoles");
    assertThat(roles).hasSize(1);
    assertThat(roles.get(0).get("id").asText()).isEqualTo(admin);
    // the organization's only rule held only that role: no rule is left
    assertThat(http.get(path).body().get("organizationRoleRules")).isEmpty();
  }

  @Test
  void deletingARoleRemovesItFromAccessControl() {
    String role = id(http.post("/roles", "{\"name\":\"reader\",\"description\":\"Reads\"}"));
    String app = id(http.post("/applications", "{\"name\":\"spa\",\"type\":\"SPA\"}"));
    String path = "/applications/" + app + "/access-control";
    assertThat(http.put(path, "{\"userIds\":[],\"userRoleIds\":[\"" + role + "\"],\"organizationIds\":[],"
        + "\"organizationRoleRules\":[]}").status()).isEqualTo(200);

    assertThat(http.delete("/roles/" + role).status()).isEqualTo(204);

    assertThat(http.get(path).body().get("userRoleIds")).isEmpty();
  }

  @Test
  void deletedScopesLeaveTheConsentRequests() {
    String app = id(http.post("/applications", "{\"name\":\"partner\",\"type\":\"Traditional\",\"isThirdParty\":true}"));
    String resource = id(http.post("/resources", "{\"name\":\"api\",\"indicator\":\"https://api.example.com\"}"));
    String read = id(http.post("/resources/" + resource + "/scopes", "{\"name\":\"read\"}"));
    String write = id(http.post("/resources/" + resource + "/scopes", "{\"name\":\"write\"}"));
    String orgScope = id(http.post("/organization-scopes", "{\"name\":\"read:members\"}"));
    String path = "/applications/" + app + "/user-consent-scopes";
    assertThat(http.post(path, "{\"resourceScopes\":[\"" + read + "\",\"" + write + "\"],\"organizationScopes\":[\""
        + orgScope + "\"]}").status()).isEqualTo(201);

    http.delete("/resources/" + resource + "/scopes/" + read);
    http.delete("/organization-scopes/" + orgScope);
    http.delete("/resources/" + resource);

    // the relations are gone, not just hidden: removing them again finds nothing
    assertThat(http.delete(path + "/resource-scopes/" + read).status()).isEqualTo(404);
    assertThat(http.delete(path + "/resource-scopes/" + write).status()).isEqualTo(404);
    assertThat(http.delete(path + "/organization-scopes/" + orgScope).status()).isEqualTo(404);
    assertThat(http.get(path).body().get("resourceScopes")).isEmpty();
  }

  @Test
  void deletingASocialConnectorDropsItsTargetFromTheSignInExperience() {
    String social = id(http.post("/connectors", "{\"connectorId\":\"mock-social-connector\",\"config\":{}}"));
    assertThat(http.patch("/sign-in-exp", "{\"socialSignInConnectorTargets\":[\"mock-social\"]}").status())
        .isEqualTo(200);
    assertThat(http.get("/sign-in-exp").body().get("socialSignInConnectorTargets")).extracting(JsonNode::asText)
        .containsExactly("mock-social");

    assertThat(http.delete("/connectors/" + social).status()).isEqualTo(204);

    assertThat(http.get("/sign-in-exp").body().get("socialSignInConnectorTargets")).isEmpty();
  }
}

package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class OrganizationsTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);


  private String id(Http.Answer answer) {
    return answer.body().get("id").asText();
  }

  @Test
  void organizationCreateAnswers201WithDefaultsAndPatchAcceptsNull() {
    Http.Answer org = http.post("/organizations", "{\"name\":\"Acme\",\"description\":\"d\",\"customData\":{\"t\":1}}");

    assertThat(org.status()).isEqualTo(201);
    assertThat(org.body().get("id").asText()).matches("[0-9a-z]{12}");
    assertThat(org.body().get("isMfaRequired").asBoolean()).isFalse();
    assertThat(org.body().get("customCss").isNull()).isTrue();
    JsonNode updated = http.patch("/organizations/" + id(org), "{\"description\":null}").body();
    assertThat(updated.get("description").isNull()).isTrue();
    assertThat(http.get("/organizations?page=1&page_size=2").header("Total-Number")).isEqualTo("1");
    // a read by id says which table; an update or delete of a missing row is a plain not-found
    assertThat(http.get("/organizations/nope").code()).isEqualTo("entity.not_exists_with_id");
    assertThat(http.get("/organizations/nope").body().get("message").asText())
        .isEqualTo("The organizations with ID `nope` does not exist.");
    assertThat(http.patch("/organizations/nope", "{\"name\":\"x\"}").code()).isEqualTo("entity.not_exists");
    assertThat(http.delete("/organizations/nope").code()).isEqualTo("entity.not_found");
  }

  @Test
  void membersGetOrganizationRolesAndTheirScopes() {
    String org = id(http.post("/organizations", "{\"name\":\"Acme\"}"));
    String user = id(http.post("/users", "{\"username\":\"ada\"}"));
    String outsider = id(http.post("/users", "{\"username\":\"bob\"}"));
    String scope = id(http.post("/organization-scopes", "{\"name\":\"read:org\"}"));
    Http.Answer role = http.post("/organization-roles", "{\"name\":\"admin\",\"organizationScopeIds\":[\"" + scope
        + "\"]}");
    assertThat(role.status()).isEqualTo(201);

    Http.Answer added = http.post("/organizations/" + org + "/users", "{\"userIds\":[\"" + user + "\"]}");
    assertThat(added.status()).isEqualTo(201);
    Http.Answer assigned = http.post("/organizations/" + org + "/users/" + user + "/roles",
        "{\"organizationRoleIds\":[\"" + id(role) + "\"]}");
    assertThat(assigned.status()).isEqualTo(201);

    JsonNode members = http.get("/organizations/" + org + "/users").body();
    assertThat(members).hasSize(1);
    assertThat(members.get(0).has("hasPassword")).isFalse();
    assertThat(members.get(0).at("/organizationRoles/0/name").asText()).isEqualTo("admin");
    assertThat(http.get("/organizations/" + org + "/users/" + user + "/scopes").body())
        .extracting(s -> s.get("name").asText()).containsExactly("read:org");
    assertThat(http.get("/users/" + user + "/organizations").body().get(0).at("/organizationRoles/0/id").asText())
        .isEqualTo(id(role));
    assertThat(http.get("/organization-roles").body().get(0).at("/scopes/0/name").asText()).isEqualTo("read:org");

    Http.Answer notMember = http.get("/organizations/" + org + "/users/" + outsider + "/roles");
    assertThat(notMember.status()).isEqualTo(422);
    assertThat(notMember.code()).isEqualTo("organization.require_membership");
    assertThat(http.post("/organizations/" + org + "/users", "{\"userIds\":[\"ghost\"]}").status()).isEqualTo(422);

    assertThat(http.delete("/organizations/" + org + "/users/" + user).status()).isEqualTo(204);
    assertThat(http.get("/users/" + user + "/organizations").body()).isEmpty();
  }

  @Test
  void organizationRoleScopesCanBeReplacedAndRemoved() {
    String a = id(http.post("/organization-scopes", "{\"name\":\"a\"}"));
    String b = id(http.post("/organization-scopes", "{\"name\":\"b\"}"));
    String role = id(http.post("/organization-roles", "{\"name\":\"r\"}"));

    assertThat(http.post("/organization-roles/" + role + "/scopes", "{\"organizationScopeIds\":[\"" + a + "\"]}")
        .status()).isEqualTo(201);
    assertThat(http.put("/organization-roles/" + role + "/scopes", "{\"organizationScopeIds\":[\"" + b + "\"]}")
        .status()).isEqualTo(204);
    assertThat(http.get("/organization-roles/" + role + "/scopes").body()).extracting(s -> s.get("id").asText())
        .containsExactly(b);
    assertThat(http.delete("/organization-roles/" + role + "/scopes/" + b).status()).isEqualTo(204);
    // without page parameters Logto lists every scope and sends no pagination headers
    assertThat(http.get("/organization-roles/" + role + "/scopes").body()).isEmpty();
    assertThat(http.get("/organization-roles/" + role + "/scopes?page=1&page_size=5").header("Total-Number"))
        .isEqualTo("0");
    assertThat(http.post("/organization-scopes", "{\"name\":\"a\"}").status()).isEqualTo(422);
  }

  @Test
  void removingAMemberWhoNeverHadARoleAnswers204AndASecondRemoval404() {
    String org = id(http.post("/organizations", "{\"name\":\"acme\"}"));
    String user = id(http.post("/users", "{\"username\":\"bob\"}"));
    assertThat(http.post("/organizations/" + org + "/users", "{\"userIds\":[\"" + user + "\"]}").status())
        .isEqualTo(201);

    assertThat(http.delete("/organizations/" + org + "/users/" + user).status()).isEqualTo(204);
    Http.Answer again = http.delete("/organizations/" + org + "/users/" + user);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.code()).isEqualTo("entity.not_found");
    assertThat(http.get("/users/" + user + "/organizations").body()).isEmpty();
  }

  @Test
  void replacingMembersDropsTheRolesOfThoseLeftOut() {
    String org = id(http.post("/organizations", "{\"name\":\"acme\"}"));
    String role = id(http.post("/organization-roles", "{\"name\":\"admin\"}"));
    String ann = id(http.post("/users", "{\"username\":\"ann\"}"));
    String bob = id(http.post("/users", "{\"username\":\"bob\"}"));
    http.post("/organizations/" + org + "/users", "{\"userIds\":[\"" + ann + "\",\"" + bob + "\"]}");
    http.post("/organizations/" + org + "/users/" + ann + "/roles", "{\"organizationRoleIds\":[\"" + role + "\"]}");

    assertThat(http.put("/organizations/" + org + "/users", "{\"userIds\":[\"" + bob + "\"]}").status())
        .isEqualTo(204);
    http.post("/organizations/" + org + "/users", "{\"userIds\":[\"" + ann + "\"]}");

    assertThat(http.get("/organizations/" + org + "/users/" + ann + "/roles").body()).isEmpty();
  }

  @Test
  void relationsOfAMissingOrganizationAnswerAsLogtoDoes() {
    String user = id(http.post("/users", "{\"username\":\"bob\"}"));

    // Logto lists members and applications with their own queries: no organization, none of either
    Http.Answer apps = http.get("/organizations/gone/applications");
    assertThat(apps.status()).isEqualTo(200);
    assertThat(apps.body()).isEmpty();
    assertThat(http.get("/organizations/gone/users").status()).isEqualTo(200);
    Http.Answer add = http.post("/organizations/gone/users", "{\"userIds\":[\"" + user + "\"]}");
    assertThat(add.status()).isEqualTo(422);
    assertThat(add.code()).isEqualTo("entity.relation_foreign_key_not_found");
    assertThat(http.get("/organizations/gone/users/" + user + "/roles").code())
        .isEqualTo("organization.require_membership");
    assertThat(http.get("/organization-scopes/gone").code()).isEqualTo("entity.not_exists_with_id");
    assertThat(http.delete("/organization-roles/gone").code()).isEqualTo("entity.not_found");
  }

  @Test
  void deletingAnOrganizationRemovesItFromItsMembers() {
    String org = id(http.post("/organizations", "{\"name\":\"acme\"}"));
    String user = id(http.post("/users", "{\"username\":\"bob\"}"));
    http.post("/organizations/" + org + "/users", "{\"userIds\":[\"" + user + "\"]}");

    assertThat(http.delete("/organizations/" + org).status()).isEqualTo(204);

    assertThat(http.get("/users/" + user + "/organizations").body()).isEmpty();
    assertThat(http.get("/organizations/" + org).code()).isEqualTo("entity.not_exists_with_id");
  }
}

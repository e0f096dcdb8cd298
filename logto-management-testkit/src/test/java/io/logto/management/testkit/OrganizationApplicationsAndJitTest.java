package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Applications of an organization with their organization roles, and JIT provisioning rules, over HTTP. */
final class OrganizationApplicationsAndJitTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);
  private final String org = id(http.post("/organizations", "{\"name\":\"acme\"}"));
  private final String app = id(http.post("/applications", "{\"name\":\"worker\",\"type\":\"MachineToMachine\"}"));
  private final String role = id(http.post("/organization-roles", "{\"name\":\"bot\",\"type\":\"MachineToMachine\"}"));

  private static String id(Http.Answer answer) {
    return answer.body().get("id").asText();
  }

  @Test
  void applicationRolesRequireMembershipAndShowInTheApplicationList() {
    String rolesPath = "/organizations/" + org + "/applications/" + app + "/roles";
    String body = "{\"organizationRoleIds\":[\"" + role + "\"]}";
    assertThat(http.post(rolesPath, body).code()).isEqualTo("organization.require_membership");

    assertThat(http.post("/organizations/" + org + "/applications", "{\"applicationIds\":[\"" + app + "\"]}").status())
        .isEqualTo(201);
    Http.Answer assigned = http.post(rolesPath, body);
    assertThat(assigned.status()).isEqualTo(201);
    assertThat(assigned.body().asText()).isEqualTo("Created");
    assertThat(http.get(rolesPath).body()).extracting(r -> r.get("id").asText()).containsExactly(role);
    JsonNode listed = http.get("/organizations/" + org + "/applications?q=work").body();
    assertThat(listed.at("/0/organizationRoles/0/name").asText()).isEqualTo("bot");

    assertThat(http.put(rolesPath, "{\"organizationRoleIds\":[]}").code()).isEqualTo("guard.invalid_input");
    assertThat(http.delete(rolesPath + "/" + role).status()).isEqualTo(204);
    assertThat(http.delete(rolesPath + "/" + role).code()).isEqualTo("entity.not_found");
    assertThat(http.put(rolesPath, body).status()).isEqualTo(204);
    assertThat(http.post("/organizations/" + org + "/applications/roles",
        "{\"applicationIds\":[\"" + app + "\"],\"organizationRoleIds\":[\"" + role + "\"]}").status()).isEqualTo(201);
  }

  @Test
  void replacingApplicationsDropsTheRolesOfThoseLeftOut() {
    String other = id(http.post("/applications", "{\"name\":\"other\",\"type\":\"MachineToMachine\"}"));
    http.post("/organizations/" + org + "/applications", "{\"applicationIds\":[\"" + app + "\"]}");
    http.post("/organizations/" + org + "/applications/" + app + "/roles", "{\"organizationRoleIds\":[\"" + role + "\"]}");

    assertThat(http.put("/organizations/" + org + "/applications", "{\"applicationIds\":[\"" + other + "\"]}").status())
        .isEqualTo(204);

    assertThat(http.get("/organizations/" + org + "/applications").body())
        .extracting(a -> a.get("id").asText()).containsExactly(other);
    http.post("/organizations/" + org + "/applications", "{\"applicationIds\":[\"" + app + "\"]}");
    assertThat(http.get("/organizations/" + org + "/applications/" + app + "/roles").body()).isEmpty();
    assertThat(http.put("/organizations/" + org + "/applications", "{\"applicationIds\":[\"nope\"]}").code())
        .isEqualTo("entity.relation_foreign_key_not_found");
  }

  @Test
  void jitEmailDomainsAreAddedReplacedAndRemoved() {
    String path = "/organizations/" + org + "/jit/email-domains";
    Http.Answer created = http.post(path, "{\"emailDomain\":\"acme.com\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("organizationId").asText()).isEqualTo(org);
    assertThat(http.post(path, "{\"emailDomain\":\"acme.com\"}").code()).isEqualTo("entity.unique_integrity_violation");

    assertThat(http.put(path, "{\"emailDomains\":[\"a.com\",\"b.com\"]}").status()).isEqualTo(204);
    assertThat(http.get(path).body()).extracting(d -> d.get("emailDomain").asText()).containsExactly("a.com", "b.com");
    assertThat(http.delete(path + "/a.com").status()).isEqualTo(204);
    assertThat(http.delete(path + "/a.com").code()).isEqualTo("entity.not_found");
    assertThat(http.get("/organizations/gone/jit/email-domains").body()).isEmpty();
  }

  @Test
  void jitRolesPointAtOrganizationRolesAndLeaveWithThem() {
    String path = "/organizations/" + org + "/jit/roles";
    assertThat(http.post(path, "{\"organizationRoleIds\":[\"nope\"]}").code())
        .isEqualTo("entity.relation_foreign_key_not_found");
    assertThat(http.post(path, "{\"organizationRoleIds\":[\"" + role + "\"]}").status()).isEqualTo(201);
    assertThat(http.get(path).body()).extracting(r -> r.get("name").asText()).containsExactly("bot");
    assertThat(http.get("/organizations/gone/jit/roles").code()).isEqualTo("entity.not_exists_with_id");

    assertThat(http.delete("/organization-roles/" + role).status()).isEqualTo(204);

    assertThat(http.get(path).body()).isEmpty();
  }

  @Test
  void jitSsoConnectorsMustExist() {
    String path = "/organizations/" + org + "/jit/sso-connectors";
    assertThat(http.post(path, "{\"ssoConnectorIds\":[\"nope\"]}").code())
        .isEqualTo("entity.relation_foreign_key_not_found");
    assertThat(http.put(path, "{\"ssoConnectorIds\":[]}").status()).isEqualTo(204);
    assertThat(http.get(path).body()).isEmpty();
    assertThat(http.delete(path + "/nope").code()).isEqualTo("entity.not_found");
  }

  @Test
  void deletingAnApplicationRemovesItFromOrganizations() {
    http.post("/organizations/" + org + "/applications", "{\"applicationIds\":[\"" + app + "\"]}");

    assertThat(http.delete("/applications/" + app).status()).isEqualTo(204);

    assertThat(http.get("/organizations/" + org + "/applications").header("Total-Number")).isEqualTo("0");
  }
}

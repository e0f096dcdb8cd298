package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class RolesResourcesApplicationsTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);


  @Test
  void freshEmulatorHoldsTheManagementApiItsAccessRoleAndTheDefaultClient() {
    JsonNode resources = http.get("/resources").body();
    assertThat(resources).extracting(r -> r.get("indicator").asText()).containsExactly(logto.apiIndicator());

    JsonNode roles = http.get("/roles").body();
    assertThat(roles).hasSize(1);
    assertThat(roles.get(0).get("type").asText()).isEqualTo("MachineToMachine");
    assertThat(roles.get(0).at("/featuredApplications/0/id").asText()).isEqualTo(logto.defaultClient().clientId());

    JsonNode app = http.get("/applications/" + logto.defaultClient().clientId()).body();
    assertThat(app.get("type").asText()).isEqualTo("MachineToMachine");
    assertThat(app.get("isAdmin").asBoolean()).isTrue();
  }

  @Test
  void resourceAndScopesAnswer201AndDuplicatesAnswer422() {
    Http.Answer resource = http.post("/resources", "{\"name\":\"Orders\",\"indicator\":\"https://orders.example\"}");
    assertThat(resource.status()).isEqualTo(201);
    assertThat(resource.body().get("accessTokenTtl").asLong()).isEqualTo(3600);
    assertThat(resource.body().get("scopes")).isEmpty();
    String id = resource.body().get("id").asText();
    assertThat(id).matches("[0-9a-z]{21}");

    Http.Answer duplicate = http.post("/resources", "{\"name\":\"Again\",\"indicator\":\"https://orders.example\"}");
    assertThat(duplicate.status()).isEqualTo(422);
    assertThat(duplicate.code()).isEqualTo("resource.resource_identifier_in_use");

    Http.Answer scope = http.post("/resources/" + id + "/scopes", "{\"name\":\"read:orders\"}");
    assertThat(scope.status()).isEqualTo(201);
    assertThat(scope.body().get("description").isNull()).isTrue();
    assertThat(http.get("/resources/" + id + "/scopes").header("Total-Number")).isEqualTo("1");
    assertThat(http.get("/resources/nope").code()).isEqualTo("entity.not_exists_with_id");
  }

  @Test
  void resourcesAndApplicationsListEverythingWithoutHeadersUnlessPaged() {
    Http.Answer all = http.get("/applications");
    assertThat(all.header("Total-Number")).isNull();
    assertThat(all.all("Link")).isEmpty();

    Http.Answer paged = http.get("/applications?page=1&page_size=5");
    assertThat(paged.header("Total-Number")).isEqualTo("1");
    assertThat(paged.all("Link")).hasSize(2);
  }

  @Test
  void roleCreateAnswers200AndItsScopesAreListedWithTheirResource() {
    String resourceId = http.post("/resources", "{\"name\":\"Orders\",\"indicator\":\"https://orders.example\"}")
        .body().get("id").asText();
    String scopeId = http.post("/resources/" + resourceId + "/scopes", "{\"name\":\"read:orders\"}")
        .body().get("id").asText();

    Http.Answer role = http.post("/roles", "{\"name\":\"reader\",\"description\":\"reads\",\"scopeIds\":[\""
        + scopeId + "\"]}");

    assertThat(role.status()).isEqualTo(200);
    assertThat(role.body().get("type").asText()).isEqualTo("User");
    JsonNode scopes = http.get("/roles/" + role.body().get("id").asText() + "/scopes").body();
    assertThat(scopes).hasSize(1);
    assertThat(scopes.get(0).at("/resource/indicator").asText()).isEqualTo("https://orders.example");
    assertThat(http.post("/roles", "{\"name\":\"reader\",\"description\":\"x\"}").code()).isEqualTo("role.name_in_use");
    assertThat(http.post("/roles", "{\"name\":\"nodesc\"}").code()).isEqualTo("guard.invalid_input");
  }

  @Test
  void rolesAreSearchedByIdNameAndDescriptionWithTheirTypeFilter() {
    // "-" is not in the alphabet of generated ids, so "%q-7%" cannot also match a random id
    String user = http.post("/roles", "{\"name\":\"role q-7\",\"description\":\"Sweep role\",\"type\":\"User\"}")
        .body().get("id").asText();
    String m2m = http.post("/roles", "{\"name\":\"m2m role q-7\",\"description\":\"Sweep m2m\","
        + "\"type\":\"MachineToMachine\"}").body().get("id").asText();

    Http.Answer both = http.get("/roles?search=%25q-7%25");
    Http.Answer machine = http.get("/roles?type=MachineToMachine&search=%25q-7%25");

    assertThat(both.body()).extracting(r -> r.get("id").asText()).containsExactlyInAnyOrder(user, m2m);
    assertThat(machine.body()).extracting(r -> r.get("id").asText()).containsExactly(m2m);
    assertThat(machine.header("Total-Number")).isEqualTo("1");
    assertThat(http.get("/roles?search=%25sweep%20m2m%25").body()).extracting(r -> r.get("id").asText())
        .containsExactly(m2m);
    assertThat(http.get("/roles?search=" + user).body()).extracting(r -> r.get("id").asText()).containsExactly(user);
    assertThat(http.get("/roles?search=q-7").body()).isEmpty(); // LIKE without wildcards matches whole values
  }

  @Test
  void applicationsOfEveryOidcTypeWithSecretsForConfidentialOnes() {
    for (String type : new String[] {"Traditional", "SPA", "Native", "MachineToMachine"}) {
      Http.Answer app = http.post("/applications", "{\"name\":\"" + type + "\",\"type\":\"" + type + "\"}");
      assertThat(app.status()).isEqualTo(200);
      assertThat(app.body().at("/oidcClientMetadata/redirectUris").isArray()).isTrue();
      int secrets = http.get("/applications/" + app.body().get("id").asText() + "/secrets").body().size();
      assertThat(secrets).isEqualTo(type.equals("SPA") || type.equals("Native") ? 0 : 1);
    }
    Http.Answer invalid = http.post("/applications", "{\"name\":\"Bad\",\"type\":\"Toaster\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().at("/data/issues/0/code").asText()).isEqualTo("invalid_enum_value");
    assertThat(http.get("/applications?types=SPA&types=Native").body()).hasSize(2);
  }

  @Test
  void applicationSecretsAreCreatedRenamedAndDeleted() {
    String id = http.post("/applications", "{\"name\":\"w\",\"type\":\"MachineToMachine\"}").body().get("id").asText();

    Http.Answer created = http.post("/applications/" + id + "/secrets", "{\"name\":\"ci\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("value").asText()).hasSize(32);
    assertThat(http.patch("/applications/" + id + "/secrets/ci", "{\"name\":\"ci2\"}").body().get("name").asText())
        .isEqualTo("ci2");
    assertThat(http.delete("/applications/" + id + "/secrets/ci2").status()).isEqualTo(204);
    assertThat(http.get("/applications/" + id + "/secrets").body()).hasSize(1);
  }

  @Test
  void onlyMachineToMachineRolesGoToMachineToMachineApplications() {
    String m2m = http.post("/applications", "{\"name\":\"w\",\"type\":\"MachineToMachine\"}").body().get("id").asText();
    String spa = http.post("/applications", "{\"name\":\"s\",\"type\":\"SPA\"}").body().get("id").asText();
    String role = http.post("/roles", "{\"name\":\"m\",\"description\":\"m\",\"type\":\"MachineToMachine\"}")
        .body().get("id").asText();

    Http.Answer assigned = http.post("/applications/" + m2m + "/roles", "{\"roleIds\":[\"" + role + "\"]}");
    assertThat(assigned.status()).isEqualTo(201);
    assertThat(http.get("/roles/" + role + "/applications").body()).extracting(a -> a.get("id").asText())
        .containsExactly(m2m);
    // a PUT that adds nothing fails on Logto's empty insert, after removing the roles left out
    Http.Answer replaced = http.put("/applications/" + m2m + "/roles", "{\"roleIds\":[]}");
    assertThat(replaced.status()).isEqualTo(422);
    assertThat(replaced.code()).isEqualTo("entity.invalid_input");
    assertThat(http.get("/applications/" + m2m + "/roles").header("Total-Number")).isEqualTo("0");
    Http.Answer readded = http.put("/applications/" + m2m + "/roles", "{\"roleIds\":[\"" + role + "\"]}");
    assertThat(readded.status()).isEqualTo(200);
    assertThat(readded.body().asText()).isEqualTo("OK");
    assertThat(http.get("/applications/" + m2m + "/roles").header("Total-Number")).isEqualTo("1");
    assertThat(http.post("/applications/" + spa + "/roles", "{\"roleIds\":[\"" + role + "\"]}").status())
        .isEqualTo(422);
    assertThat(http.delete("/applications/" + m2m).status()).isEqualTo(204);
    assertThat(http.get("/applications/" + m2m).code()).isEqualTo("entity.not_exists_with_id");
  }
}

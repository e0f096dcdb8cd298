package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Consent scopes and organizations of third-party apps and the other per-application settings, over HTTP. */
final class ApplicationConsentAndSettingsTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);
  private final String thirdParty = id(http.post("/applications",
      "{\"name\":\"partner\",\"type\":\"Traditional\",\"isThirdParty\":true}"));
  private final String firstParty = id(http.post("/applications", "{\"name\":\"spa\",\"type\":\"SPA\"}"));

  private static String id(Http.Answer answer) {
    return answer.body().get("id").asText();
  }

  @Test
  void consentScopesAreValidatedListedByResourceAndRemoved() {
    String resource = id(http.post("/resources", "{\"name\":\"api\",\"indicator\":\"https://api.example.com\"}"));
    String scope = id(http.post("/resources/" + resource + "/scopes", "{\"name\":\"read\",\"description\":\"Read\"}"));
    String path = "/applications/" + thirdParty + "/user-consent-scopes";

    Http.Answer unknown = http.post(path, "{\"resourceScopes\":[\"nope\"]}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.code()).isEqualTo("application.user_consent_scopes_not_found");
    assertThat(unknown.body().at("/data/invalidResourceScopes/0").asText()).isEqualTo("nope");
    assertThat(http.post(path, "{\"userScopes\":[\"shoe_size\"]}").code()).isEqualTo("guard.invalid_input");
    assertThat(http.post("/applications/" + firstParty + "/user-consent-scopes", "{\"userScopes\":[\"email\"]}").code())
        .isEqualTo("application.third_party_application_only");

    Http.Answer created = http.post(path, "{\"resourceScopes\":[\"" + scope + "\"],\"userScopes\":[\"email\"]}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode listed = http.get(path).body();
    assertThat(listed.at("/resourceScopes/0/resource/indicator").asText()).isEqualTo("https://api.example.com");
    assertThat(listed.at("/resourceScopes/0/scopes/0/name").asText()).isEqualTo("read");
    assertThat(listed.get("userScopes").get(0).asText()).isEqualTo("email");
    assertThat(listed.get("organizationScopes")).isEmpty();

    assertThat(http.delete(path + "/user-scopes/email").status()).isEqualTo(204);
    assertThat(http.delete(path + "/user-scopes/email").code()).isEqualTo("entity.not_found");
    Http.Answer badType = http.delete(path + "/team-scopes/x");
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.body().get("message").asText()).isEqualTo("The request params is invalid.");
  }

  @Test
  void managementApiScopesCannotBeConsented() {
    JsonNode scopes = http.get("/resources/management-api/scopes").body();
    Http.Answer answer = http.post("/applications/" + thirdParty + "/user-consent-scopes",
        "{\"resourceScopes\":[\"" + scopes.get(0).get("id").asText() + "\"]}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.code()).isEqualTo("application.consent_management_api_scopes_not_allowed");
  }

  @Test
  void consentOrganizationsRequireMembershipAndArePaginated() {
    String user = id(http.post("/users", "{\"username\":\"gina\"}"));
    String org = id(http.post("/organizations", "{\"name\":\"acme\"}"));
    String path = "/applications/" + thirdParty + "/users/" + user + "/consent-organizations";
    String body = "{\"organizationIds\":[\"" + org + "\"]}";
    assertThat(http.post(path, body).code()).isEqualTo("organization.require_membership");
    http.post("/organizations/" + org + "/users", "{\"userIds\":[\"" + user + "\"]}");

    assertThat(http.post(path, body).status()).isEqualTo(201);
    Http.Answer listed = http.get(path);
    assertThat(listed.header("Total-Number")).isEqualTo("1");
    assertThat(listed.body().at("/organizations/0/id").asText()).isEqualTo(org);
    assertThat(http.put(path, "{\"organizationIds\":[]}").status()).isEqualTo(204);
    assertThat(http.delete(path + "/" + org).code()).isEqualTo("entity.not_found");
    assertThat(http.put(path, body).status()).isEqualTo(204);

    // leaving the organization withdraws the consent
    http.delete("/organizations/" + org + "/users/" + user);
    assertThat(http.get(path).header("Total-Number")).isEqualTo("0");
    assertThat(http.get("/applications/" + thirdParty + "/users/nobody/consent-organizations").code())
        .isEqualTo("entity.not_found");
  }

  @Test
  void signInExperienceIsCreatedThenUpdatedForThirdPartyAppsOnly() {
    String path = "/applications/" + thirdParty + "/sign-in-experience";
    assertThat(http.get(path).code()).isEqualTo("entity.not_exists_with_id");
    String body = "{\"displayName\":\"Partner\",\"termsOfUseUrl\":\"https://example.com/tos\",\"privacyPolicyUrl\":\"\"}";

    Http.Answer created = http.put(path, body);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("displayName").asText()).isEqualTo("Partner");
    assertThat(created.body().get("customCss").isNull()).isTrue();
    assertThat(created.body().get("color")).isEmpty();
    assertThat(http.put(path, body).status()).isEqualTo(200);
    assertThat(http.get(path).body().get("termsOfUseUrl").asText()).isEqualTo("https://example.com/tos");

    assertThat(http.put(path, "{\"termsOfUseUrl\":\"not a url\",\"privacyPolicyUrl\":null}").code())
        .isEqualTo("guard.invalid_input");
    assertThat(http.put("/applications/" + firstParty + "/sign-in-experience", body).code())
        .isEqualTo("application.third_party_application_only");
  }

  @Test
  void accessControlIsReplacedDedupedAndChecked() {
    String user = id(http.post("/users", "{\"username\":\"hal\"}"));
    String path = "/applications/" + firstParty + "/access-control";
    assertThat(http.get(path).body().toString())
        .isEqualTo("{\"userIds\":[],\"userRoleIds\":[],\"organizationIds\":[],\"organizationRoleRules\":[]}");

    Http.Answer replaced = http.put(path, "{\"userIds\":[\"" + user + "\",\"" + user + "\"],\"userRoleIds\":[],"
        + "\"organizationIds\":[],\"organizationRoleRules\":[]}");
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.body().get("userIds")).hasSize(1);
    assertThat(http.get(path).body().get("userIds").get(0).asText()).isEqualTo(user);

    assertThat(http.put(path, "{\"userIds\":[\"nobody\"],\"userRoleIds\":[],\"organizationIds\":[],"
        + "\"organizationRoleRules\":[]}").code()).isEqualTo("entity.relation_foreign_key_not_found");
    assertThat(http.put(path, "{\"userIds\":[],\"userRoleIds\":[],\"organizationIds\":[],"
        + "\"organizationRoleRules\":[{\"organizationId\":\"o\",\"organizationRoleIds\":[]}]}").code())
        .isEqualTo("request.invalid_input");
    assertThat(http.put(path, "{}").code()).isEqualTo("guard.invalid_input");

    // a deleted user leaves the rules
    http.delete("/users/" + user);
    assertThat(http.get(path).body().get("userIds")).isEmpty();
  }

  @Test
  void customDataMergesTopLevelKeys() {
    http.patch("/applications/" + firstParty + "/custom-data", "{\"plan\":\"pro\"}");

    Http.Answer answer = http.patch("/applications/" + firstParty + "/custom-data", "{\"seats\":5}");

    assertThat(answer.body().toString()).isEqualTo("{\"plan\":\"pro\",\"seats\":5}");
    assertThat(http.get("/applications/" + firstParty).body().at("/customData/seats").asInt()).isEqualTo(5);
    // Logto updates without reading the application first: entity.not_exists
    assertThat(http.patch("/applications/nope/custom-data", "{}").code()).isEqualTo("entity.not_exists");
  }

  @Test
  void legacySecretAndProtectedAppDomainsAnswerAsLogtoOssDoes() {
    Http.Answer legacy = http.delete("/applications/" + firstParty + "/legacy-secret");
    assertThat(legacy.status()).isEqualTo(400);
    assertThat(legacy.code()).isEqualTo("application.no_legacy_secret_found");

    String domains = "/applications/" + firstParty + "/protected-app-metadata/custom-domains";
    assertThat(http.get(domains).code()).isEqualTo("application.protected_application_only");
    assertThat(http.post(domains, "{\"domain\":\"app.example.com\"}").status()).isEqualTo(422);
    assertThat(http.delete(domains + "/app.example.com").status()).isEqualTo(422);
    assertThat(http.get("/applications/nope/protected-app-metadata/custom-domains").code())
        .isEqualTo("entity.not_exists_with_id");
    Http.Answer protectedApp = http.post("/applications", "{\"name\":\"p\",\"type\":\"Protected\"}");
    assertThat(protectedApp.status()).isEqualTo(501);
    assertThat(protectedApp.code()).isEqualTo("application.protected_app_not_configured");
  }
}

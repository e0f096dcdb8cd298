package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class WellKnownTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  @Test
  void publicSignInExperienceHidesPrivateFieldsAndAddsWhatTheSignInPageNeeds() {
    http.patch("/sign-in-exp", "{\"customCss\":\"a{}\"}");
    for (String path : new String[] {"/.well-known/sign-in-exp", "/.well-known/experience?organizationId=o1"}) {
      Http.Answer answer = http.callWith(null, "GET", path, null);
      assertThat(answer.status()).isEqualTo(200);
      JsonNode view = answer.body();
      assertThat(view.get("customCss").asText()).isEqualTo("a{}");
      assertThat(view.has("emailBlocklistPolicy")).isFalse();
      assertThat(view.has("forgotPasswordMethods")).isFalse();
      assertThat(view.get("forgotPassword").toString()).isEqualTo("{\"phone\":false,\"email\":false}");
      assertThat(view.get("socialConnectors")).isEmpty();
      assertThat(view.get("isDevelopmentTenant").asBoolean()).isFalse();
    }
  }

  @Test
  void aThirdPartyApplicationsBrandingGoesOverTheTenantsForItsAppId() {
    String appId = http.post("/applications", "{\"name\":\"partner\",\"type\":\"Traditional\","
        + "\"isThirdParty\":true,\"oidcClientMetadata\":{\"redirectUris\":[\"https://p.example/cb\"],"
        + "\"postLogoutRedirectUris\":[]}}").body().get("id").asText();
    assertThat(http.put("/applications/" + appId + "/sign-in-experience", "{\"branding\":{\"logoUrl\":"
        + "\"https://p.example/logo.svg\"},\"termsOfUseUrl\":\"https://p.example/terms\","
        + "\"privacyPolicyUrl\":\"https://p.example/privacy\"}").status()).isEqualTo(201);

    JsonNode forApp = http.callWith(null, "GET", "/.well-known/sign-in-exp?appId=" + appId, null).body();
    assertThat(forApp.at("/branding/logoUrl").asText()).isEqualTo("https://p.example/logo.svg");
    assertThat(forApp.at("/branding/darkLogoUrl").asText()).isEqualTo("https://logto.io/logo-dark.svg");
    assertThat(forApp.get("termsOfUseUrl").asText()).isEqualTo("https://p.example/terms");
    JsonNode tenant = http.callWith(null, "GET", "/.well-known/sign-in-exp", null).body();
    assertThat(tenant.at("/branding/logoUrl").asText()).isEqualTo("https://logto.io/logo.svg");
    assertThat(tenant.get("termsOfUseUrl").isNull()).isTrue();
  }

  @Test
  void managementDocumentIsGeneratedFromTheEmulatorsOperationTable() {
    Http.Answer document = http.callWith(null, "GET", "/.well-known/management.openapi.json", null);
    assertThat(document.status()).isEqualTo(200);
    JsonNode paths = document.body().get("paths");
    assertThat(paths.at("/~1api~1users/get/operationId").asText()).isEqualTo("ListUsers");
    assertThat(paths.at("/~1api~1users~1{userId}/get/parameters/0/name").asText()).isEqualTo("userId");
    assertThat(paths.at("/~1api~1status/get/security")).isEmpty();
    assertThat(document.body().at("/info/description").asText()).contains("operation table");
    assertThat(document.body().at("/servers/0/url").asText()).isEqualTo(String.valueOf(logto.baseUrl()));
    int operations = 0;
    for (JsonNode item : paths) {
      operations += item.size();
    }
    assertThat(operations).isEqualTo(284);
    assertThat(http.get("/swagger.json").body()).isEqualTo(document.body());
  }

  @Test
  void builtInPhrasesAndEndUserApiDocumentsAnswer501NamingWhatIsMissing() {
    for (String path : new String[] {"/.well-known/phrases?lng=fr", "/.well-known/experience.openapi.json",
        "/.well-known/user.openapi.json"}) {
      Http.Answer answer = http.callWith(null, "GET", path, null);
      assertThat(answer.status()).isEqualTo(501);
      assertThat(answer.code()).isEqualTo("emulator.not_implemented");
      assertThat(answer.body().at("/data/missing").asText()).startsWith("Logto's");
    }
    assertThat(logto.supportedOperations()).contains("GetSignInExperienceConfig", "GetSwaggerJson")
        .doesNotContain("GetSignInExperiencePhrases", "GetWellKnownExperienceOpenapiJson",
            "GetWellKnownUserOpenapiJson");
  }
}

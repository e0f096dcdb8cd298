package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class ConfigsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.builder().clock(clock).start();
  private final Http http = new Http(logto);

  @Test
  void freshTenantConfigsHaveLogtosDefaultsAndPatchesMergeIntoThem() {
    assertThat(http.get("/configs/admin-console").body().toString())
        .isEqualTo("{\"signInExperienceCustomized\":false,\"organizationCreated\":false}");
    assertThat(http.patch("/configs/admin-console", "{\"organizationCreated\":true,\"unknown\":1}").body().toString())
        .isEqualTo("{\"signInExperienceCustomized\":false,\"organizationCreated\":true}");
    assertThat(http.patch("/configs/admin-console", "{\"organizationCreated\":\"yes\"}").code())
        .isEqualTo("guard.invalid_input");

    assertThat(http.get("/configs/oidc/session").body().get("ttl").asLong()).isEqualTo(1_209_600L);
    assertThat(http.patch("/configs/oidc/session", "{\"ttl\":3600}").body().get("ttl").asLong()).isEqualTo(3600);
    assertThat(http.get("/configs/oidc/session").body().get("ttl").asLong()).isEqualTo(3600);

    assertThat(http.get("/configs/id-token").body().get("enabledExtendedClaims"))
        .extracting(JsonNode::asText).containsExactly("roles", "organizations", "organization_roles");
    assertThat(http.put("/configs/id-token", "{\"enabledExtendedClaims\":[\"custom_data\"]}").body()
        .get("enabledExtendedClaims")).extracting(JsonNode::asText).containsExactly("custom_data");
    Http.Answer badClaim = http.put("/configs/id-token", "{\"enabledExtendedClaims\":[\"email\"]}");
    assertThat(badClaim.code()).isEqualTo("guard.invalid_input");
    assertThat(badClaim.body().at("/data/issues/0/path").toString()).isEqualTo("[\"enabledExtendedClaims\",0]");

    assertThat(http.get("/configs/cimd").body().get("enabled").asBoolean()).isFalse();
    assertThat(http.patch("/configs/cimd", "{\"enabled\":true}").body().get("enabled").asBoolean()).isTrue();

    Http.Answer system = http.get("/systems/application");
    assertThat(system.status()).isEqualTo(501);
    assertThat(system.code()).isEqualTo("application.protected_app_not_configured");
  }

  @Test
  void cookieKeysRotateKeepingTheTwoNewestAndTheLastOneCannotBeDeleted() {
    JsonNode seeded = http.get("/configs/oidc/cookie-keys").body();
    assertThat(seeded).hasSize(1);
    // seconds, not milliseconds
    assertThat(seeded.get(0).get("createdAt").asLong()).isEqualTo(clock.millis() / 1000);
    assertThat(seeded.get(0).has("signingKeyAlgorithm")).isFalse();
    String first = seeded.get(0).get("id").asText();
    assertThat(http.delete("/configs/oidc/cookie-keys/" + first).code()).isEqualTo("oidc.key_required");

    JsonNode rotated = http.post("/configs/oidc/cookie-keys/rotate", "{}").body();
    assertThat(rotated).hasSize(2);
    assertThat(rotated.get(1).get("id").asText()).isEqualTo(first);
    JsonNode again = http.post("/configs/oidc/cookie-keys/rotate", "{}").body();
    assertThat(again).extracting(k -> k.get("id").asText()).doesNotContain(first).hasSize(2);

    assertThat(http.delete("/configs/oidc/cookie-keys/nope").status()).isEqualTo(404);
    assertThat(http.delete("/configs/oidc/cookie-keys/" + again.get(0).get("id").asText()).status()).isEqualTo(204);
    assertThat(http.get("/configs/oidc/cookie-keys").body()).hasSize(1);

    Http.Answer badType = http.post("/configs/oidc/public-keys/rotate", "{}");
    assertThat(badType.status()).isEqualTo(400);
    assertThat(badType.body().get("message").asText()).isEqualTo("The request params is invalid.");
  }

  @Test
  void privateKeysAreRealKeyPairsRotatedImmediatelyOrStagedForAGracePeriod() {
    JsonNode seeded = http.get("/configs/oidc/private-keys").body();
    assertThat(seeded).hasSize(1);
    assertThat(seeded.get(0).get("status").asText()).isEqualTo("Current");
    assertThat(seeded.get(0).get("signingKeyAlgorithm").asText()).isEqualTo("EC");
    String seed = seeded.get(0).get("id").asText();

    JsonNode rotated = http.post("/configs/oidc/private-keys/rotate", "{\"signingKeyAlgorithm\":\"RSA\"}").body();
    assertThat(rotated).extracting(k -> k.get("status").asText()).containsExactly("Current", "Previous");
    assertThat(rotated.get(0).get("signingKeyAlgorithm").asText()).isEqualTo("RSA");
    assertThat(rotated.get(1).get("id").asText()).isEqualTo(seed);
    // only the Previous key may be deleted
    assertThat(http.delete("/configs/oidc/private-keys/" + rotated.get(0).get("id").asText()).code())
        .isEqualTo("oidc.only_previous_key_can_be_deleted");

    JsonNode staged = http.post("/configs/oidc/private-keys/rotate", "{\"rotationGracePeriod\":60}").body();
    assertThat(staged).extracting(k -> k.get("status").asText()).containsExactly("Next", "Current", "Previous");
    assertThat(staged.get(0).get("effectiveAt").asLong()).isEqualTo(clock.millis() + 60_000);
    // an immediate rotation while a key is staged is refused
    assertThat(http.post("/configs/oidc/private-keys/rotate", "{}").code()).isEqualTo("oidc.invalid_request");

    clock.advance(Duration.ofSeconds(61));
    JsonNode promoted = http.get("/configs/oidc/private-keys").body();
    assertThat(promoted).extracting(k -> k.get("id").asText())
        .containsExactly(staged.get(0).get("id").asText(), staged.get(1).get("id").asText());
    assertThat(promoted).extracting(k -> k.get("status").asText()).containsExactly("Current", "Previous");

    Http.Answer badAlgorithm = http.post("/configs/oidc/private-keys/rotate", "{\"signingKeyAlgorithm\":\"DSA\"}");
    assertThat(badAlgorithm.body().at("/data/issues/0/code").asText()).isEqualTo("invalid_enum_value");
  }

  @Test
  void jwtCustomizersAreStoredPerTokenTypeAndTestingOneIsNotEmulated() {
    Http.Answer missing = http.get("/configs/jwt-customizer/client-credentials");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("message").asText())
        .isEqualTo("The logto_config with ID `jwt.clientCredentials` does not exist.");

    String script = "{\"script\":\"const getCustomJwtClaims = async () => ({});\"}";
    assertThat(http.put("/configs/jwt-customizer/client-credentials", script).status()).isEqualTo(201);
    assertThat(http.put("/configs/jwt-customizer/client-credentials", script).status()).isEqualTo(200);
    Http.Answer patched = http.patch("/configs/jwt-customizer/client-credentials",
        "{\"script\":\"x\",\"environmentVariables\":{\"A\":\"b\"}}");
    assertThat(patched.body().toString()).isEqualTo("{\"script\":\"x\",\"environmentVariables\":{\"A\":\"b\"}}");
    assertThat(http.get("/configs/jwt-customizer").body().get(0).get("key").asText())
        .isEqualTo("jwt.clientCredentials");

    assertThat(http.put("/configs/jwt-customizer/access-token", "{\"script\":\"s\",\"extra\":1}")
        .body().at("/data/issues/0/code").asText()).isEqualTo("unrecognized_keys");
    assertThat(http.put("/configs/jwt-customizer/id-token", script).status()).isEqualTo(400);
    assertThat(http.patch("/configs/jwt-customizer/access-token", script).status()).isEqualTo(404);

    Http.Answer test = http.post("/configs/jwt-customizer/test", "{\"tokenType\":\"client-credentials\","
        + "\"script\":\"s\",\"token\":{}}");
    assertThat(test.status()).isEqualTo(501);
    assertThat(test.body().at("/data/missing").asText()).contains("JavaScript");
    assertThat(logto.supportedOperations()).contains("UpsertJwtCustomizer", "UpsertAction")
        .doesNotContain("TestJwtCustomizer", "TestAction");
    Http.Answer badTest = http.post("/configs/jwt-customizer/test", "{\"tokenType\":\"id-token\"}");
    assertThat(badTest.body().at("/data/issues/0/code").asText()).isEqualTo("invalid_union_discriminator");

    assertThat(http.delete("/configs/jwt-customizer/client-credentials").status()).isEqualTo(204);
    assertThat(http.delete("/configs/jwt-customizer/client-credentials").status()).isEqualTo(404);
    assertThat(http.get("/configs/jwt-customizer").body()).isEmpty();
  }

  @Test
  void actionsArePatchedWithoutTheScriptAndTestedOnlyAfterValidation() {
    assertThat(http.patch("/configs/actions/action.postSignIn", "{\"enabled\":true}").status()).isEqualTo(404);
    assertThat(http.put("/configs/actions/action.postSignIn", "{\"script\":\"s\",\"enabled\":false}").status())
        .isEqualTo(201);
    Http.Answer patched = http.patch("/configs/actions/action.postSignIn",
        "{\"environmentVariables\":{\"K\":\"v\"},\"enabled\":true}");
    assertThat(patched.body().toString())
        .isEqualTo("{\"script\":\"s\",\"environmentVariables\":{\"K\":\"v\"},\"enabled\":true}");
    assertThat(http.get("/configs/actions").body().get(0).get("key").asText()).isEqualTo("action.postSignIn");
    assertThat(http.patch("/configs/actions/action.postSignIn", "{\"onExecutionError\":\"retry\"}").code())
        .isEqualTo("guard.invalid_input");

    Http.Answer bad = http.post("/configs/actions/test", "{\"script\":1,\"actionType\":1,\"event\":\"x\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().at("/data/issues")).extracting(i -> i.get("path").get(0).asText())
        .containsExactly("script", "actionType");
    assertThat(http.post("/configs/actions/test", "{\"script\":\"s\",\"actionType\":\"action.postSignIn\","
        + "\"event\":{}}").status()).isEqualTo(501);
    assertThat(http.delete("/configs/actions/action.postSignIn").status()).isEqualTo(204);
  }
}

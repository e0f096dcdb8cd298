package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class HooksTest {
  private static final String CONFIG = "\"config\":{\"url\":\"https://hooks.example/in\"}";

  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  @Test
  void createAnswers201WithAFreshSigningKeyAndDefaults() {
    Http.Answer created = http.post("/hooks",
        "{\"name\":\"sync\",\"events\":[\"User.Created\",\"User.Deleted\",\"User.Created\"]," + CONFIG + "}");

    assertThat(created.status()).isEqualTo(201);
    JsonNode hook = created.body();
    assertThat(hook.get("id").asText()).matches("[0-9a-z]{21}");
    assertThat(hook.get("signingKey").asText()).matches("[0-9A-Za-z]{32}");
    assertThat(hook.get("event").isNull()).isTrue();
    assertThat(hook.get("events")).extracting(JsonNode::asText).containsExactly("User.Created", "User.Deleted");
    assertThat(hook.get("enabled").asBoolean()).isTrue();
    assertThat(hook.at("/config/url").asText()).isEqualTo("https://hooks.example/in");
    assertThat(http.get("/hooks/" + hook.get("id").asText()).body()).isEqualTo(hook);
  }

  @Test
  void createWithoutAnyEventOrWithABadOneIsRefused() {
    Http.Answer none = http.post("/hooks", "{\"name\":\"h\"," + CONFIG + "}");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.code()).isEqualTo("hook.missing_events");

    Http.Answer empty = http.post("/hooks", "{\"events\":[]," + CONFIG + "}");
    assertThat(empty.code()).isEqualTo("guard.invalid_input");
    assertThat(empty.body().at("/data/issues/0/code").asText()).isEqualTo("too_small");

    Http.Answer unknown = http.post("/hooks", "{\"events\":[\"User.Exploded\"]," + CONFIG + "}");
    assertThat(unknown.code()).isEqualTo("guard.invalid_input");
    assertThat(unknown.body().at("/data/issues/0/path").toString()).isEqualTo("[\"events\",0]");

    Http.Answer noUrl = http.post("/hooks", "{\"events\":[\"User.Created\"],\"config\":{}}");
    assertThat(noUrl.body().at("/data/issues/0/path").toString()).isEqualTo("[\"config\",\"url\"]");
    assertThat(noUrl.body().get("details").asText()).contains("\"config.url\"");

    // a production Logto refuses the event that needs dev features
    Http.Answer devOnly = http.post("/hooks", "{\"event\":\"PostSignInAdaptiveMfaTriggered\"," + CONFIG + "}");
    assertThat(devOnly.code()).isEqualTo("guard.invalid_input");
    assertThat(devOnly.body().at("/data/reason").asText())
        .isEqualTo("hook.event_not_supported_when_dev_features_disabled");

    assertThat(http.get("/hooks").body()).isEmpty();
  }

  @Test
  void listIsWholeWithoutPageParametersAndPagedWithThem() {
    for (int i = 0; i < 3; i++) {
      http.post("/hooks", "{\"name\":\"h" + i + "\",\"event\":\"PostRegister\"," + CONFIG + "}");
    }

    Http.Answer all = http.get("/hooks");
    assertThat(all.body()).extracting(h -> h.get("name").asText()).containsExactly("h0", "h1", "h2");
    assertThat(all.header("Total-Number")).isNull();

    Http.Answer page = http.get("/hooks?page=2&page_size=2&includeExecutionStats=true");
    assertThat(page.header("Total-Number")).isEqualTo("3");
    assertThat(page.body()).hasSize(1);
    assertThat(page.body().at("/0/executionStats/requestCount").asInt()).isZero();
    assertThat(http.get("/hooks").body().get(0).has("executionStats")).isFalse();
  }

  @Test
  void updateReplacesWhatIsSentAndRotatingTheKeyChangesOnlyTheKey() {
    JsonNode hook = http.post("/hooks",
        "{\"event\":\"PostSignIn\",\"config\":{\"url\":\"https://a.example\",\"headers\":{\"X-A\":\"1\"}}}").body();
    String id = hook.get("id").asText();

    Http.Answer updated = http.patch("/hooks/" + id,
        "{\"name\":\"renamed\",\"event\":null,\"enabled\":false,\"config\":{\"url\":\"https://b.example\"}}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().get("name").asText()).isEqualTo("renamed");
    assertThat(updated.body().get("event").isNull()).isTrue();
    assertThat(updated.body().get("enabled").asBoolean()).isFalse();
    // the config is replaced, not merged: the old headers are gone
    assertThat(updated.body().get("config").toString()).isEqualTo("{\"url\":\"https://b.example\"}");

    JsonNode rotated = http.patch("/hooks/" + id + "/signing-key", "{}").body();
    assertThat(rotated.get("signingKey").asText()).isNotEqualTo(hook.get("signingKey").asText());
    assertThat(rotated.get("name").asText()).isEqualTo("renamed");
  }

  @Test
  void missingHooksAnswerAsLogtoDoesForEachOperation() {
    assertThat(http.get("/hooks/nope").status()).isEqualTo(404);
    assertThat(http.get("/hooks/nope").code()).isEqualTo("entity.not_exists_with_id");
    // Logto updates without reading the hook: its update finds no row, 404 entity.not_exists
    assertThat(http.patch("/hooks/nope", "{\"name\":\"x\"}").status()).isEqualTo(404);
    assertThat(http.patch("/hooks/nope", "{\"name\":\"x\"}").code()).isEqualTo("entity.not_exists");
    assertThat(http.patch("/hooks/nope/signing-key", "{}").code()).isEqualTo("entity.not_exists");

    String id = http.post("/hooks", "{\"event\":\"PostRegister\"," + CONFIG + "}").body().get("id").asText();
    assertThat(http.delete("/hooks/" + id).status()).isEqualTo(204);
    assertThat(http.delete("/hooks/" + id).code()).isEqualTo("entity.not_found");
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The captcha provider (Turnstile or reCAPTCHA Enterprise), none on a fresh Logto. Deleting it also
 * turns the sign-in experience's captcha policy off, as Logto does.
 */
final class CaptchaProviderRoutes {
  private final Store store;
  private final ExperienceState experience;

  CaptchaProviderRoutes(Store store) {
    this.store = store;
    this.experience = store.experience;
  }

  void register(Declarations handlers) {
    handlers.declare("GetCaptchaProvider", call -> Reply.ok(existing()));
    handlers.declare("UpdateCaptchaProvider", call -> {
      Guard guard = call.guard();
      ObjectNode config = guard.object("config", true);
      if (config != null) {
        config(guard.within("config", config), config);
      }
      guard.check();
      ObjectNode provider = experience.captchaProvider;
      long now = store.now();
      if (provider == null) {
        provider = Json.object().put("tenantId", Store.TENANT).put("id", store.id(21));
        provider.set("config", Json.object());
        provider.put("createdAt", now);
      }
      provider.set("config", config.deepCopy());
      provider.put("updatedAt", now);
      experience.captchaProvider = provider;
      return Reply.ok(provider);
    });
    handlers.declare("DeleteCaptchaProvider", call -> {
      existing();
      experience.captchaProvider = null;
      experience.signInExperience.set("captchaPolicy", Json.object().put("enabled", false));
      return Reply.empty(204);
    });
  }

  private static void config(Guard guard, ObjectNode config) {
    JsonNode type = config.get("type");
    List<String> types = List.of("Turnstile", "RecaptchaEnterprise");
    if (type == null || !type.isTextual() || !types.contains(type.asText())) {
      guard.discriminatorIssue("type", types);
      return;
    }
    guard.string("siteKey", true);
    guard.string("secretKey", true);
    if (type.asText().equals("RecaptchaEnterprise")) {
      guard.string("projectId", true);
      guard.string("domain", false);
      guard.oneOf("mode", List.of("invisible", "checkbox"), false);
    }
  }

  private ObjectNode existing() {
    if (experience.captchaProvider == null) {
      throw ApiError.notFound();
    }
    return experience.captchaProvider;
  }
}

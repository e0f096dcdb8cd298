package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An application's custom data, access control, own sign-in experience (third-party apps), legacy
 * secret and protected-app custom domains. Applications created through the API never have a legacy
 * secret, and protected apps need Logto Cloud (creating one answers 501 as in OSS), so those
 * operations answer the errors Logto OSS answers for every application it can hold.
 */
final class ApplicationSettingsRoutes {
  private static final List<String> ACCESS_LISTS = List.of("userIds", "userRoleIds", "organizationIds");

  private final Store store;

  ApplicationSettingsRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("UpdateApplicationCustomData", call -> {
      Guard.body(call.json());
      ObjectNode app = store.application(call.param("applicationId"));
      app.set("customData", Json.jsonb(Json.merge((ObjectNode) app.get("customData"), (ObjectNode) call.json())));
      return Reply.ok(app.get("customData"));
    });
    handlers.declare("DeleteApplicationLegacySecret", call -> {
      store.application(call.param("id"));
      throw ApiError.of(400, "application.no_legacy_secret_found", "The application does not have a legacy secret.");
    });
    handlers.declare("ListApplicationProtectedAppMetadataCustomDomains", call -> {
      throw protectedOnly(call);
    });
    // Logto's router checks the application for every custom-domain route before a route's body guard
    handlers.declare("CreateApplicationProtectedAppMetadataCustomDomain", call -> {
      throw protectedOnly(call);
    });
    handlers.declare("DeleteApplicationProtectedAppMetadataCustomDomain", call -> {
      throw protectedOnly(call);
    });
    registerAccessControl(handlers);
    registerSignInExperience(handlers);
  }

  /** 404 for a missing app, else 422: only protected apps (Cloud-only) have custom domains. */
  private ApiError protectedOnly(Call call) {
    store.application(call.param("id"));
    return ApiError.of(422, "application.protected_application_only",
        "The feature is only available for protected applications.");
  }

  private void registerAccessControl(Declarations handlers) {
    handlers.declare("GetApplicationAccessControl", call -> {
      String appId = store.application(call.param("applicationId")).get("id").asText();
      return Reply.ok(accessControl(appId));
    });
    handlers.declare("ReplaceApplicationAccessControl", call -> {
      ObjectNode rules = parseAccessControl(call);
      String appId = store.application(call.param("applicationId")).get("id").asText();
      requireExisting(rules);
      store.consents.accessControl.put(appId, rules);
      return Reply.ok(rules);
    });
  }

  private ObjectNode accessControl(String appId) {
    ObjectNode stored = store.consents.accessControl.get(appId);
    if (stored != null) {
      return stored;
    }
    ObjectNode empty = Json.object();
    ACCESS_LISTS.forEach(empty::putArray);
    empty.putArray("organizationRoleRules");
    return empty;
  }

  /**
   * The body as Logto's canonical guard leaves it: every list without duplicates, rules of one
   * organization merged; a rule without roles is a 422.
   */
  private static ObjectNode parseAccessControl(Call call) {
    Guard guard = call.guard();
    Map<String, List<String>> lists = new LinkedHashMap<>();
    ACCESS_LISTS.forEach(field -> lists.put(field, guard.strings(field, true)));
    JsonNode rulesNode = guard.raw().get("organizationRoleRules");
    Map<String, Set<String>> rules = new LinkedHashMap<>();
    if (rulesNode == null || !rulesNode.isArray()) {
      guard.strings("organizationRoleRules", true);
    } else {
      for (int i = 0; i < rulesNode.size(); i++) {
        JsonNode rule = rulesNode.get(i);
        if (!rule.isObject()) {
          guard.object("organizationRoleRules." + i, true);
          continue;
        }
        Guard ruleGuard = guard.within("organizationRoleRules." + i, (ObjectNode) rule);
        String orgId = ruleGuard.string("organizationId", true);
        List<String> roleIds = ruleGuard.strings("organizationRoleIds", true);
        if (orgId != null && roleIds != null) {
          rules.computeIfAbsent(orgId, k -> new LinkedHashSet<>()).addAll(roleIds);
        }
      }
    }
    guard.check();
    ObjectNode parsed = Json.object();
    lists.forEach((field, ids) -> parsed.set(field, Json.strings(new LinkedHashSet<>(ids))));
    ArrayNode ruleArray = parsed.putArray("organizationRoleRules");
    rules.forEach((orgId, roleIds) -> {
      if (roleIds.isEmpty()) {
        throw ApiError.of(422, "request.invalid_input",
            "Input is invalid. Organization-role rule groups must include at least one organization role.");
      }
      ObjectNode rule = ruleArray.addObject().put("organizationId", orgId);
      rule.set("organizationRoleIds", Json.strings(roleIds));
    });
    return parsed;
  }

  /** Every referenced user, role, organization and organization role must exist (foreign keys, 422). */
  private void requireExisting(ObjectNode rules) {
    Store.requireAll(store.users, texts(rules.get("userIds")));
    Store.requireAll(store.roles, texts(rules.get("userRoleIds")));
    Store.requireAll(store.organizations, texts(rules.get("organizationIds")));
    for (JsonNode rule : rules.get("organizationRoleRules")) {
      Store.requireAll(store.organizations, List.of(rule.get("organizationId").asText()));
      Store.requireAll(store.orgRoles, texts(rule.get("organizationRoleIds")));
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private void registerSignInExperience(Declarations handlers) {
    handlers.declare("GetApplicationSignInExperience", call -> {
      String appId = store.application(call.param("applicationId")).get("id").asText();
      ObjectNode experience = store.consents.signInExperiences.get(appId);
      if (experience == null) {
        throw ApiError.notExistsWithId("application_sign_in_experiences", appId);
      }
      return Reply.ok(experience);
    });
    handlers.declare("ReplaceApplicationSignInExperience", call -> {
      Guard guard = call.guard();
      ObjectNode color = guard.object("color", false);
      ObjectNode branding = guard.object("branding", false);
      JsonNode customCss = guard.nullableString("customCss");
      JsonNode displayName = guard.nullableString("displayName");
      JsonNode terms = url(guard, "termsOfUseUrl");
      JsonNode privacy = url(guard, "privacyPolicyUrl");
      guard.check();
      ObjectNode app = store.application(call.param("applicationId"));
      if (!app.get("isThirdParty").asBoolean()) {
        throw ApiError.of(422, "application.third_party_application_only",
            "The feature is only available for third-party applications.");
      }
      String appId = app.get("id").asText();
      ObjectNode existing = store.consents.signInExperiences.get(appId);
      ObjectNode experience = existing != null ? existing : newSignInExperience(appId);
      setIfPresent(experience, "color", color);
      setIfPresent(experience, "branding", branding);
      setIfPresent(experience, "customCss", customCss);
      setIfPresent(experience, "termsOfUseUrl", terms);
      setIfPresent(experience, "privacyPolicyUrl", privacy);
      setIfPresent(experience, "displayName", displayName);
      store.consents.signInExperiences.put(appId, experience);
      return Reply.json(existing != null ? 200 : 201, experience);
    });
  }

  private static ObjectNode newSignInExperience(String appId) {
    ObjectNode experience = Json.object();
    experience.put("tenantId", Store.TENANT).put("applicationId", appId);
    experience.putObject("color");
    experience.putObject("branding");
    experience.putNull("customCss").putNull("termsOfUseUrl").putNull("privacyPolicyUrl").putNull("displayName");
    return experience;
  }

  private static void setIfPresent(ObjectNode entity, String field, JsonNode value) {
    if (value != null) {
      entity.set(field, value);
    }
  }

  /** A required URL that may be null or empty (zod's {@code url()} issue for anything else). */
  private static JsonNode url(Guard guard, String field) {
    JsonNode value = guard.raw().get(field);
    if (value == null) {
      guard.string(field, true);
      return null;
    }
    if (value.isNull()) {
      return value;
    }
    String text = guard.string(field, true);
    if (text != null && !text.isEmpty() && !isUrl(text)) {
      guard.invalidString(field, "url", "Invalid url");
      return null;
    }
    return value;
  }

  private static boolean isUrl(String text) {
    try {
      URI uri = new URI(text);
      return uri.getScheme() != null && (uri.getHost() != null || uri.getSchemeSpecificPart() != null);
    } catch (URISyntaxException e) {
      return false;
    }
  }
}

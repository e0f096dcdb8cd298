package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * SAML applications (Logto as the SAML identity provider): create (with an active certificate valid
 * three years), get, update, delete, their certificates ("secrets": create, list, activate, delete) and
 * the IdP metadata XML. The applications are also applications of type {@code SAML} in the store, so the
 * applications API lists them as Logto does.
 */
final class SamlApplicationRoutes {
  private static final List<String> BINDINGS = List.of(SamlXml.POST_BINDING,
      "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect");
  private static final List<String> NAME_ID_FORMATS = List.of(
      "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
      "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
      "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
      "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
  // the claims an attribute can be mapped from, in Logto's order
  private static final List<String> CLAIMS = List.of("sub", "name", "given_name", "family_name", "middle_name",
      "nickname", "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender",
      "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at",
      "username", "created_at", "custom_data", "identities", "sso_identities", "roles", "organizations",
      "organization_data", "organization_roles");
  private static final List<String> APPLICATION_FIELDS = List.of("tenantId", "id", "name", "description", "type",
      "customData", "isThirdParty", "appLevelAccessControlEnabled", "createdAt");
  private static final List<String> CONFIG_FIELDS = List.of("attributeMapping", "entityId", "acsUrl", "encryption",
      "nameIdFormat");
  private static final int DEFAULT_SECRET_YEARS = 3;
  private static final int MAX_NAME = 256;
  private static final int MAX_ENTITY_ID = 128;

  private final Store store;

  SamlApplicationRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("CreateSamlApplication", this::create).issuesCertificates();
    handlers.declare("GetSamlApplication", call -> Reply.ok(json(samlApplication(call.param("id")))));
    handlers.declare("UpdateSamlApplication", this::update);
    handlers.declare("DeleteSamlApplication", call -> {
      store.cascades.deleteApplication(samlApplication(call.param("id")).get("id").asText());
      return Reply.empty(204);
    });
    handlers.declare("CreateSamlApplicationSecret", call -> {
      Guard guard = call.guard();
      Long years = guard.atLeast("lifeSpanInYears", 1, true);
      guard.check();
      String id = samlApplication(call.param("id")).get("id").asText();
      return Reply.created(store.samlSecrets.create(id, Math.toIntExact(years), false));
    }).issuesCertificates();
    // Logto lists the secrets by application id without reading the application
    handlers.declare("ListSamlApplicationSecrets", call -> Reply.ok(Json.arrayOf(store.samlSecrets.list(call.param("id")))));
    handlers.declare("UpdateSamlApplicationSecret", call -> {
      Guard guard = call.guard();
      Boolean active = guard.bool("active", true);
      guard.check();
      return Reply.ok(store.samlSecrets.setActive(call.param("id"), call.param("secretId"), active));
    });
    handlers.declare("DeleteSamlApplicationSecret", call -> {
      if (store.samlSecrets.find(call.param("id"), call.param("secretId")).get("active").asBoolean()) {
        throw ApiError.of(400, "application.saml.can_not_delete_active_secret", "Can not delete the active secret.");
      }
      store.samlSecrets.remove(call.param("id"), call.param("secretId"));
      return Reply.empty(204);
    });
  }

  private Reply create(Call call) {
    Guard guard = call.guard();
    String name = guard.atMost("name", guard.name("name"), MAX_NAME);
    JsonNode description = guard.nullableString("description");
    ObjectNode customData = guard.object("customData", false);
    ObjectNode config = config(guard);
    String format = guard.oneOf("nameIdFormat", NAME_ID_FORMATS, false);
    guard.check();
    requirePostBinding(config);
    String id = store.id(21);
    // Logto 1.42 stores a SAML app with empty OIDC redirect URIs (its callback is implied)
    ObjectNode app = store.newApplication(id, name, description, "SAML", null, null);
    // a SAML app has no client secrets of its own: its certificates are its secrets
    store.secrets.get(id).clear();
    if (customData != null) {
      app.set("customData", customData.deepCopy());
    }
    ObjectNode samlConfig = Json.object();
    samlConfig.set("attributeMapping", config.has("attributeMapping") ? config.get("attributeMapping") : Json.object());
    for (String field : List.of("entityId", "acsUrl", "encryption")) {
      samlConfig.set(field, config.has(field) ? config.get(field) : Json.object().nullNode());
    }
    samlConfig.put("nameIdFormat", format == null ? NAME_ID_FORMATS.get(0) : format);
    store.samlConfigs.put(id, samlConfig);
    store.samlSecrets.create(id, DEFAULT_SECRET_YEARS, true);
    return Reply.created(json(app));
  }

  private Reply update(Call call) {
    Guard guard = call.guard();
    String name = guard.atMost("name", guard.optionalName("name"), MAX_NAME);
    JsonNode description = guard.nullableString("description");
    ObjectNode customData = guard.object("customData", false);
    Boolean accessControl = guard.bool("appLevelAccessControlEnabled", false);
    ObjectNode config = config(guard);
    String format = guard.oneOf("nameIdFormat", NAME_ID_FORMATS, false);
    guard.check();
    ObjectNode app = samlApplication(call.param("id"));
    requirePostBinding(config);
    if (name != null) {
      app.put("name", name);
    }
    if (description != null) {
      app.set("description", description);
    }
    if (customData != null) {
      app.set("customData", customData.deepCopy());
    }
    if (accessControl != null) {
      app.put("appLevelAccessControlEnabled", accessControl);
    }
    ObjectNode samlConfig = store.samlConfigs.get(app.get("id").asText());
    samlConfig.setAll(config);
    if (format != null) {
      samlConfig.put("nameIdFormat", format);
    }
    return Reply.ok(json(app));
  }

  /** The SAML-specific fields of a create or update body, checked; only those sent. */
  private static ObjectNode config(Guard guard) {
    ObjectNode config = Json.object();
    ObjectNode mapping = guard.object("attributeMapping", false);
    if (mapping != null) {
      Guard inner = guard.within("attributeMapping", mapping);
      ObjectNode kept = Json.object();
      for (String claim : CLAIMS) {
        String value = inner.string(claim, false);
        if (value != null) {
          kept.put(claim, value);
        }
      }
      config.set("attributeMapping", kept);
    }
    JsonNode entityId = guard.nullableString("entityId");
    if (entityId != null && entityId.isTextual() && guard.atMost("entityId", entityId.asText(), MAX_ENTITY_ID) == null) {
      entityId = null;
    }
    if (entityId != null) {
      config.set("entityId", entityId);
    }
    JsonNode acsUrl = guard.raw().get("acsUrl");
    if (acsUrl != null && !acsUrl.isNull()) {
      ObjectNode acs = guard.object("acsUrl", false);
      if (acs != null) {
        Guard inner = guard.within("acsUrl", acs);
        String binding = inner.oneOf("binding", BINDINGS, true);
        String url = inner.string("url", true);
        config.set("acsUrl", Json.object().put("binding", binding).put("url", url));
      }
    } else if (acsUrl != null) {
      config.set("acsUrl", acsUrl);
    }
    JsonNode encryption = guard.raw().get("encryption");
    if (encryption != null && !encryption.isNull()) {
      ObjectNode checked = guard.object("encryption", false);
      if (checked != null) {
        config.set("encryption", checked.deepCopy());
      }
    } else if (encryption != null) {
      config.set("encryption", encryption);
    }
    return config;
  }

  // Logto receives assertions at the ACS URL by HTTP-POST only
  private static void requirePostBinding(ObjectNode config) {
    JsonNode acsUrl = config.get("acsUrl");
    if (acsUrl != null && acsUrl.isObject() && !SamlXml.POST_BINDING.equals(acsUrl.path("binding").asText())) {
      throw ApiError.of(422, "application.saml.acs_url_binding_not_supported",
          "Only HTTP-POST binding is supported for receiving SAML assertions.");
    }
  }

  /** The application, 404 when missing, 422 when it is not a SAML application. */
  private ObjectNode samlApplication(String id) {
    ObjectNode app = store.application(id);
    if (!app.get("type").asText().equals("SAML")) {
      throw ApiError.of(422, "application.saml.saml_application_only",
          "The API is only available for SAML applications.");
    }
    return app;
  }

  private ObjectNode json(ObjectNode app) {
    ObjectNode json = Json.object();
    APPLICATION_FIELDS.forEach(field -> json.set(field, app.get(field).deepCopy()));
    ObjectNode samlConfig = store.samlConfigs.get(app.get("id").asText());
    CONFIG_FIELDS.forEach(field -> json.set(field, samlConfig.get(field).deepCopy()));
    return json;
  }
}

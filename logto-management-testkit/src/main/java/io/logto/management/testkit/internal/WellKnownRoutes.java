package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public endpoints (no token): the sign-in experience as the sign-in page reads it, the account
 * center, and the API documents. The Management API document is generated from the emulator's own
 * operation table (Logto's document is Logto's to ship, so the testkit does not bundle it); the
 * built-in UI phrases and the Experience and Account API documents are Logto's content the emulator
 * does not have, so those answer 501 naming what is missing.
 */
final class WellKnownRoutes {
  // fields of the stored sign-in experience that the public view leaves out
  private static final List<String> PRIVATE_FIELDS = List.of("emailBlocklistPolicy", "forgotPasswordMethods");

  private final Store store;
  private final ExperienceState experience;

  WellKnownRoutes(Store store) {
    this.store = store;
    this.experience = store.experience;
  }

  void register(Declarations handlers) {
    handlers.declare("GetSignInExperienceConfig", call -> Reply.ok(publicSignInExperience(call.query("appId"))));
    handlers.declare("GetWellKnownExperience", call -> Reply.ok(publicSignInExperience(call.query("appId"))));
    handlers.declare("GetWellKnownAccountCenter", call -> Reply.ok(experience.accountCenter));
    handlers.declare("GetSignInExperiencePhrases", (Handler.NotEmulated) call -> {
      throw call.notEmulated("Logto's built-in sign-in UI translations, which are Logto's to ship (custom phrases are emulated:"
              + " read them with GetCustomPhrase)");
    });
    for (String id : List.of("GetWellKnownExperienceOpenapiJson", "GetWellKnownUserOpenapiJson")) {
      handlers.declare(id, (Handler.NotEmulated) call -> {
        throw call.notEmulated("Logto's OpenAPI document of an end-user API (Experience or Account API) that the emulator does not serve");
      });
    }
    List<Operation> routed = handlers.operations();
    handlers.declare("GetWellKnownManagementOpenapiJson", call -> Reply.ok(managementDocument(routed, call.origin())));
    handlers.declare("GetSwaggerJson", call -> Reply.ok(managementDocument(routed, call.origin())));
  }

  private ObjectNode publicSignInExperience(String appId) {
    ObjectNode view = experience.signInExperience.deepCopy();
    view.remove(PRIVATE_FIELDS);
    ObjectNode app = appId == null ? null : store.consents.signInExperiences.get(appId);
    if (app != null) {
      // a third-party application's own branding, colors and policy links go over the tenant's
      for (String field : List.of("color", "branding")) {
        ObjectNode merged = (ObjectNode) view.get(field);
        merged.setAll((ObjectNode) app.get(field));
      }
      for (String field : List.of("termsOfUseUrl", "privacyPolicyUrl")) {
        if (app.hasNonNull(field)) {
          view.set(field, app.get(field));
        }
      }
    }
    view.set("socialConnectors", Json.array());
    view.set("ssoConnectors", Json.array());
    view.set("forgotPassword", Json.object().put("phone", canResetPassword("PhoneVerificationCode", "Sms"))
        .put("email", canResetPassword("EmailVerificationCode", "Email")));
    view.put("isDevelopmentTenant", false);
    List<ObjectNode> catalog = new ArrayList<>(experience.profileFields.values());
    catalog.sort(Comparator.comparingDouble(f -> f.get("sieOrder").asDouble()));
    view.set("customProfileFields", Json.arrayOf(signUpFields(catalog)));
    view.set("customProfileFieldCatalog", Json.arrayOf(catalog));
    return view;
  }

  // a reset by code needs a connector to send it, and (once the methods are set) that method chosen
  private boolean canResetPassword(String method, String connectorType) {
    JsonNode methods = experience.signInExperience.get("forgotPasswordMethods");
    boolean chosen = methods == null || methods.isNull() || containsText(methods, method);
    return chosen && !store.connectors.ofType(connectorType).isEmpty();
  }

  private static boolean containsText(JsonNode array, String value) {
    for (JsonNode element : array) {
      if (element.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  // the fields the sign-up form asks for: those named in signUpProfileFields, else every custom field
  private List<ObjectNode> signUpFields(List<ObjectNode> catalog) {
    JsonNode chosen = experience.signInExperience.get("signUpProfileFields");
    if (chosen == null || !chosen.isArray()) {
      return catalog;
    }
    List<ObjectNode> fields = new ArrayList<>();
    chosen.forEach(entry -> {
      ObjectNode field = experience.profileFields.get(entry.path("name").asText());
      if (field != null) {
        fields.add(field);
      }
    });
    return fields;
  }

  /** An OpenAPI 3.0.1 document of the operations the emulator routes: paths, methods, ids, path parameters. */
  static ObjectNode managementDocument(List<Operation> routed, String origin) {
    ObjectNode document = Json.object().put("openapi", "3.0.1");
    document.set("servers", Json.array().add(Json.object().put("url", origin)
        .put("description", "Logto endpoint address.")));
    document.set("info", Json.object().put("title", "Logto API references")
        .put("description", "Generated by LogtoEmulator from its operation table (paths, methods, operation ids and"
            + " path parameters only); Logto's own document is not bundled with the testkit.")
        .put("version", "Cloud"));
    Map<String, ObjectNode> paths = new LinkedHashMap<>();
    for (Operation operation : routed) {
      ObjectNode item = Json.object().put("operationId", operation.operationId());
      ArrayNode parameters = Json.array();
      for (String segment : operation.segments()) {
        if (segment.startsWith("{")) {
          ObjectNode parameter = Json.object().put("name", segment.substring(1, segment.length() - 1))
              .put("in", "path").put("required", true);
          parameter.set("schema", Json.object().put("type", "string"));
          parameters.add(parameter);
        }
      }
      item.set("parameters", parameters);
      if (!operation.requiresToken()) {
        item.set("security", Json.array());
      }
      item.set("responses", Json.object().set("200", Json.object().put("description", "OK")));
      paths.computeIfAbsent(operation.pathTemplate(), k -> Json.object())
          .set(operation.method().toLowerCase(java.util.Locale.ROOT), item);
    }
    ObjectNode pathsNode = Json.object();
    paths.forEach(pathsNode::set);
    document.set("paths", pathsNode);
    document.set("security", Json.array().add(Json.object().set("bearerAuth", Json.array())));
    document.set("components", Json.object().set("securitySchemes", Json.object().set("bearerAuth",
        Json.object().put("type", "http").put("scheme", "bearer"))));
    return document;
  }
}

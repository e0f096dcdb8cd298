package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Applications of every type, their secrets, roles and organizations. */
final class ApplicationRoutes {
  private static final List<String> SEARCH_FIELDS = List.of("id", "name", "description");
  private static final List<String> TYPES =
      List.of("Native", "SPA", "Traditional", "MachineToMachine", "Protected", "SAML");

  private final Store store;

  ApplicationRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("ListApplications", this::list);
    handlers.declare("CreateApplication", this::create);
    handlers.declare("GetApplication", call -> Reply.ok(withIsAdmin(store.application(call.param("id")))));
    handlers.declare("UpdateApplication", this::update);
    handlers.declare("DeleteApplication", call -> {
      store.cascades.deleteApplication(store.application(call.param("id")).get("id").asText());
      return Reply.empty(204);
    });
    handlers.declare("ListApplicationRoles", call -> RoleAssignment.list(call, store, rolesOf(call)));
    handlers.declare("AssignApplicationRoles", call -> assignRoles(call, false));
    handlers.declare("ReplaceApplicationRoles", call -> assignRoles(call, true));
    handlers.declare("DeleteApplicationRole", call -> RoleAssignment.remove(rolesOf(call), call.param("roleId")));
    handlers.declare("ListApplicationSecrets", call -> {
      String appId = store.application(call.param("id")).get("id").asText();
      return Reply.ok(Json.arrayOf(store.secrets.get(appId)));
    });
    handlers.declare("CreateApplicationSecret", call -> {
      Guard guard = call.guard();
      String name = guard.name("name");
      JsonNode expiresAt = guard.nullableNumber("expiresAt");
      guard.check();
      String appId = store.application(call.param("id")).get("id").asText();
      if (secret(appId, name) != null) {
        throw ApiError.of(422, "application.secret_name_exists", "Secret name already exists.");
      }
      ObjectNode secret = store.newSecret(appId, name, store.secret(), expiresAt);
      store.secrets.get(appId).add(secret);
      return Reply.created(secret);
    });
    handlers.declare("UpdateApplicationSecret", call -> {
      Guard guard = call.guard();
      String name = guard.name("name");
      guard.check();
      String appId = store.application(call.param("id")).get("id").asText();
      ObjectNode secret = existingSecret(appId, call.param("name"));
      if (!name.equals(secret.get("name").asText()) && secret(appId, name) != null) {
        throw ApiError.of(422, "application.secret_name_exists", "Secret name already exists.");
      }
      secret.put("name", name);
      return Reply.ok(secret);
    });
    handlers.declare("DeleteApplicationSecret", call -> {
      String appId = store.application(call.param("id")).get("id").asText();
      store.secrets.get(appId).remove(existingSecret(appId, call.param("name")));
      return Reply.empty(204);
    });
    handlers.declare("ListApplicationOrganizations", call -> {
      String appId = store.application(call.param("id")).get("id").asText();
      List<JsonNode> orgs = new ArrayList<>();
      for (ObjectNode org : Store.newestFirst(store.organizations.values())) {
        String orgId = org.get("id").asText();
        if (store.orgApps.getOrDefault(orgId, Set.of()).contains(appId)) {
          ObjectNode item = org.deepCopy();
          item.set("organizationRoles", OrganizationRelations.roleRefs(store, store.orgAppRoles, orgId, appId));
          orgs.add(item);
        }
      }
      return Pager.optional(call, orgs);
    });
  }

  private ObjectNode secret(String appId, String name) {
    for (ObjectNode secret : store.secrets.get(appId)) {
      if (secret.get("name").asText().equals(name)) {
        return secret;
      }
    }
    return null;
  }

  private ObjectNode existingSecret(String appId, String name) {
    ObjectNode secret = secret(appId, name);
    if (secret == null) {
      throw ApiError.notFound();
    }
    return secret;
  }

  private ObjectNode withIsAdmin(ObjectNode app) {
    ObjectNode copy = app.deepCopy();
    copy.put("isAdmin",
        store.appRoles.getOrDefault(app.get("id").asText(), Set.of()).contains(store.managementRoleId));
    return copy;
  }

  private Reply list(Call call) {
    List<String> types = call.queryAll("types");
    String thirdParty = call.query("isThirdParty");
    String excludeRoleId = call.query("excludeRoleId");
    String excludeOrgId = call.query("excludeOrganizationId");
    // Logto's search_params (search=%x%, search.name=...) over these fields, as for users
    Predicate<ObjectNode> search = Search.advanced(call, SEARCH_FIELDS);
    List<JsonNode> apps = new ArrayList<>();
    for (ObjectNode app : Store.newestFirst(store.applications.values())) {
      String id = app.get("id").asText();
      if (!search.test(app) || !types.isEmpty() && !types.contains(app.get("type").asText())
          || thirdParty != null && !thirdParty.equals(app.get("isThirdParty").asText())
          || excludeRoleId != null && store.appRoles.getOrDefault(id, Set.of()).contains(excludeRoleId)
          || excludeOrgId != null && store.orgApps.getOrDefault(excludeOrgId, Set.of()).contains(id)) {
        continue;
      }
      apps.add(app);
    }
    return Pager.optional(call, apps);
  }

  private Reply create(Call call) {
    Guard guard = call.guard();
    String name = guard.name("name");
    String type = guard.oneOf("type", TYPES, true);
    JsonNode description = guard.nullableString("description");
    ObjectNode oidc = guard.object("oidcClientMetadata", false);
    ObjectNode customClient = guard.object("customClientMetadata", false);
    ObjectNode customData = guard.object("customData", false);
    Boolean thirdParty = guard.bool("isThirdParty", false);
    guard.check();
    if (type.equals("SAML")) {
      throw ApiError.of(400, "application.use_saml_app_api",
          "Use `[METHOD] /saml-applications(/.*)?` API to create and update SAML applications.");
    }
    if (type.equals("Protected")) {
      throw ApiError.of(501, "application.protected_app_not_configured",
          "Protected app provider is not configured. This feature is not available for open source version.");
    }
    ObjectNode app = store.newApplication(store.id(21), name, description, type, oidc, null);
    if (customClient != null) {
      app.set("customClientMetadata", customClient);
    }
    if (customData != null) {
      app.set("customData", Json.jsonb(customData));
    }
    if (thirdParty != null) {
      app.put("isThirdParty", thirdParty);
    }
    return Reply.ok(app);
  }

  private Reply update(Call call) {
    Guard guard = call.guard();
    String name = guard.string("name", false);
    JsonNode description = guard.nullableString("description");
    ObjectNode oidc = guard.object("oidcClientMetadata", false);
    ObjectNode customClient = guard.object("customClientMetadata", false);
    ObjectNode customData = guard.object("customData", false);
    Boolean isAdmin = guard.bool("isAdmin", false);
    guard.check();
    ObjectNode app = store.application(call.param("id"));
    if (name != null) {
      app.put("name", name);
    }
    if (description != null) {
      app.set("description", description);
    }
    if (oidc != null) {
      app.set("oidcClientMetadata", Json.merge((ObjectNode) app.get("oidcClientMetadata"), oidc));
    }
    if (customClient != null) {
      app.set("customClientMetadata", Json.merge((ObjectNode) app.get("customClientMetadata"), customClient));
    }
    if (customData != null) {
      app.set("customData", Json.jsonb(customData));
    }
    if (isAdmin != null) {
      Set<String> roles = Store.set(store.appRoles, app.get("id").asText());
      if (isAdmin) {
        roles.add(store.managementRoleId);
      } else {
        roles.remove(store.managementRoleId);
      }
    }
    return Reply.ok(app);
  }

  /** The roles of the call's application (404 when the application does not exist). */
  private Set<String> rolesOf(Call call) {
    return Store.set(store.appRoles, store.application(call.param("applicationId")).get("id").asText());
  }

  private Reply assignRoles(Call call, boolean replace) {
    List<String> roleIds = call.ids("roleIds");
    ObjectNode app = store.application(call.param("applicationId"));
    if (!app.get("type").asText().equals("MachineToMachine")) {
      throw ApiError.of(422, "application.invalid_type",
          "Only machine to machine applications can have associated roles.");
    }
    Set<String> held = Store.set(store.appRoles, app.get("id").asText());
    if (replace) {
      return replaceRoles(held, roleIds);
    }
    for (String roleId : roleIds) {
      if (!held.contains(roleId) && !store.role(roleId).get("type").asText().equals("MachineToMachine")) {
        throw ApiError.of(422, "application.invalid_role_type",
            "Can not assign user type role to machine to machine application.");
      }
    }
    return RoleAssignment.apply(held, roleIds, false);
  }

  /**
   * Logto's PUT: the new roles must exist (their type is not checked), the unwanted ones are removed,
   * then the new ones are inserted; with none new the insert of an empty list fails with 422 after
   * the removals took effect. Success answers 200 without a body.
   */
  private Reply replaceRoles(Set<String> held, List<String> roleIds) {
    List<String> toAdd = roleIds.stream().filter(roleId -> !held.contains(roleId)).distinct().toList();
    toAdd.forEach(store::role);
    held.retainAll(roleIds);
    if (toAdd.isEmpty()) {
      throw ApiError.emptyUpdate();
    }
    held.addAll(toAdd);
    return Reply.empty(200);
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Roles, their scopes, users and applications. */
final class RoleRoutes {
  private static final List<String> TYPES = List.of("User", "MachineToMachine");
  private static final int FEATURED = 3;

  private final Store store;

  RoleRoutes(Store store) {
    this.store = store;
  }

  void register(Map<String, Handler> handlers) {
    handlers.put("CreateRole", this::create);
    handlers.put("ListRoles", this::list);
    handlers.put("GetRole", call -> Reply.ok(store.role(call.param("id"))));
    handlers.put("UpdateRole", this::update);
    handlers.put("DeleteRole", call -> {
      String id = store.role(call.param("id")).get("id").asText();
      store.roles.remove(id);
      store.roleScopes.remove(id);
      store.userRoles.values().forEach(roles -> roles.remove(id));
      store.appRoles.values().forEach(roles -> roles.remove(id));
      return Reply.empty(204);
    });
    handlers.put("ListRoleUsers", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      List<JsonNode> users = new ArrayList<>();
      for (ObjectNode user : Store.newestFirst(store.users.values())) {
        if (store.userRoles.getOrDefault(user.get("id").asText(), Set.of()).contains(roleId)) {
          users.add(store.userJson(user));
        }
      }
      return Pager.paged(call, users);
    });
    handlers.put("CreateRoleUser", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      Guard guard = call.guard();
      List<String> userIds = guard.strings("userIds", true);
      guard.check();
      userIds.forEach(store::user);
      userIds.forEach(userId -> Store.set(store.userRoles, userId).add(roleId));
      return Reply.empty(201);
    });
    handlers.put("DeleteRoleUser", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      String userId = store.user(call.param("userId")).get("id").asText();
      if (!Store.set(store.userRoles, userId).remove(roleId)) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
    handlers.put("ListRoleApplications", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      List<JsonNode> apps = new ArrayList<>();
      for (ObjectNode app : Store.newestFirst(store.applications.values())) {
        if (store.appRoles.getOrDefault(app.get("id").asText(), Set.of()).contains(roleId)) {
          apps.add(app);
        }
      }
      return Pager.paged(call, apps);
    });
    handlers.put("CreateRoleApplication", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      Guard guard = call.guard();
      List<String> appIds = guard.strings("applicationIds", true);
      guard.check();
      appIds.forEach(store::application);
      appIds.forEach(appId -> Store.set(store.appRoles, appId).add(roleId));
      return Reply.empty(201);
    });
    handlers.put("DeleteRoleApplication", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      String appId = store.application(call.param("applicationId")).get("id").asText();
      if (!Store.set(store.appRoles, appId).remove(roleId)) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
    handlers.put("ListRoleScopes", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      List<JsonNode> scopes = new ArrayList<>();
      for (String scopeId : Store.set(store.roleScopes, roleId)) {
        ObjectNode scope = store.scope(scopeId).deepCopy();
        scope.set("resource", store.resource(scope.get("resourceId").asText()));
        scopes.add(scope);
      }
      return Pager.optional(call, scopes);
    });
    handlers.put("CreateRoleScope", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      Guard guard = call.guard();
      List<String> scopeIds = guard.strings("scopeIds", true);
      guard.check();
      scopeIds.forEach(store::scope);
      Set<String> assigned = Store.set(store.roleScopes, roleId);
      for (String scopeId : scopeIds) {
        if (assigned.contains(scopeId)) {
          throw ApiError.of(422, "role.scope_exists", "The scope id " + scopeId + " has already been added to this role");
        }
      }
      List<JsonNode> added = new ArrayList<>();
      for (String scopeId : scopeIds) {
        assigned.add(scopeId);
        added.add(store.scope(scopeId));
      }
      return Reply.created(Json.arrayOf(added));
    });
    handlers.put("DeleteRoleScope", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      if (!Store.set(store.roleScopes, roleId).remove(call.param("scopeId"))) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
  }

  private Reply create(Call call) {
    Guard guard = call.guard();
    String name = guard.name("name");
    String description = guard.name("description");
    String type = guard.oneOf("type", TYPES, false);
    Boolean isDefault = guard.bool("isDefault", false);
    List<String> scopeIds = guard.strings("scopeIds", false);
    guard.check();
    checkUniqueName(name, null);
    if (scopeIds != null) {
      scopeIds.forEach(store::scope);
    }
    ObjectNode role = store.newRole(name, description, type == null ? "User" : type,
        isDefault != null && isDefault);
    if (scopeIds != null) {
      Store.set(store.roleScopes, role.get("id").asText()).addAll(scopeIds);
    }
    return Reply.ok(role);
  }

  private void checkUniqueName(String name, String selfId) {
    for (ObjectNode role : store.roles.values()) {
      if (role.get("name").asText().equals(name) && !role.get("id").asText().equals(selfId)) {
        throw ApiError.of(422, "role.name_in_use", "This role name " + name + " is already in use");
      }
    }
  }

  private Reply update(Call call) {
    ObjectNode role = store.role(call.param("id"));
    Guard guard = call.guard();
    String name = guard.string("name", false);
    String description = guard.string("description", false);
    Boolean isDefault = guard.bool("isDefault", false);
    guard.check();
    if (name != null) {
      checkUniqueName(name, role.get("id").asText());
      role.put("name", name);
    }
    if (description != null) {
      role.put("description", description);
    }
    if (isDefault != null) {
      role.put("isDefault", isDefault);
    }
    return Reply.ok(role);
  }

  private Reply list(Call call) {
    String type = call.query("type");
    String excludeUserId = call.query("excludeUserId");
    String excludeAppId = call.query("excludeApplicationId");
    List<JsonNode> roles = new ArrayList<>();
    for (ObjectNode role : store.roles.values()) {
      String roleId = role.get("id").asText();
      if (type != null && !type.equals(role.get("type").asText())
          || excludeUserId != null && store.userRoles.getOrDefault(excludeUserId, Set.of()).contains(roleId)
          || excludeAppId != null && store.appRoles.getOrDefault(excludeAppId, Set.of()).contains(roleId)) {
        continue;
      }
      roles.add(withFeatured(role));
    }
    return Pager.paged(call, roles);
  }

  private ObjectNode withFeatured(ObjectNode role) {
    String roleId = role.get("id").asText();
    ObjectNode item = role.deepCopy();
    ArrayNode users = Json.array();
    int userCount = 0;
    for (ObjectNode user : store.users.values()) {
      if (store.userRoles.getOrDefault(user.get("id").asText(), Set.of()).contains(roleId)) {
        if (userCount++ < FEATURED) {
          ObjectNode featured = users.addObject();
          featured.set("id", user.get("id"));
          featured.set("avatar", user.get("avatar"));
          featured.set("name", user.get("name"));
        }
      }
    }
    ArrayNode apps = Json.array();
    int appCount = 0;
    for (ObjectNode app : store.applications.values()) {
      if (store.appRoles.getOrDefault(app.get("id").asText(), Set.of()).contains(roleId)) {
        if (appCount++ < FEATURED) {
          ObjectNode featured = apps.addObject();
          featured.set("id", app.get("id"));
          featured.set("name", app.get("name"));
          featured.set("type", app.get("type"));
        }
      }
    }
    item.put("usersCount", userCount);
    item.set("featuredUsers", users);
    item.put("applicationsCount", appCount);
    item.set("featuredApplications", apps);
    return item;
  }
}

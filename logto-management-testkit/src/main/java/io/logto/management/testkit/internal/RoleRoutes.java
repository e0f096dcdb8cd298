package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Roles, their scopes, users and applications. */
final class RoleRoutes {
  private static final List<String> TYPES = List.of("User", "MachineToMachine");
  private static final int FEATURED = 3;

  private final Store store;

  RoleRoutes(Store store) {
    this.store = store;
  }

  private static final List<String> SEARCH_FIELDS = List.of("id", "name", "description");

  void register(Declarations handlers) {
    handlers.declare("CreateRole", this::create).event("Role.Created");
    handlers.declare("ListRoles", this::list);
    handlers.declare("GetRole", call -> Reply.ok(store.role(call.param("id"))));
    handlers.declare("UpdateRole", this::update).event("Role.Data.Updated");
    handlers.declare("DeleteRole", call -> {
      store.cascades.deleteRole(store.role(call.param("id")).get("id").asText());
      return Reply.empty(204);
    }).event("Role.Deleted");
    registerHolders(handlers, "User", "userId", store.users, store.userRoles, store::user, store::userJson);
    registerHolders(handlers, "Application", "applicationId", store.applications, store.appRoles,
        store::application, app -> app);
    handlers.declare("ListRoleScopes", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      List<JsonNode> scopes = new ArrayList<>();
      for (String scopeId : Store.set(store.roleScopes, roleId)) {
        ObjectNode scope = store.scope(scopeId).deepCopy();
        scope.set("resource", store.resource(scope.get("resourceId").asText()));
        scopes.add(scope);
      }
      return Pager.optional(call, scopes);
    });
    handlers.declare("CreateRoleScope", call -> {
      List<String> scopeIds = call.ids("scopeIds");
      String roleId = store.role(call.param("id")).get("id").asText();
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
    }).event("Role.Scopes.Updated");
    handlers.declare("DeleteRoleScope", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      if (!Store.set(store.roleScopes, roleId).remove(call.param("scopeId"))) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    }).event("Role.Scopes.Updated");
  }

  /** List, add and remove the users (or applications) holding a role, seen from the role. */
  private void registerHolders(Declarations handlers, String noun, String idParam,
      Map<String, ObjectNode> table, Map<String, Set<String>> rolesOf, Function<String, ObjectNode> lookup,
      UnaryOperator<ObjectNode> view) {
    handlers.declare("ListRole" + noun + "s", call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      List<JsonNode> holders = new ArrayList<>();
      for (ObjectNode holder : Store.newestFirst(table.values())) {
        if (rolesOf.getOrDefault(holder.get("id").asText(), Set.of()).contains(roleId)) {
          holders.add(view.apply(holder));
        }
      }
      return Pager.paged(call, holders);
    });
    handlers.declare("CreateRole" + noun, call -> {
      List<String> ids = call.ids(idParam + "s");
      String roleId = store.role(call.param("id")).get("id").asText();
      ids.forEach(lookup::apply);
      ids.forEach(id -> Store.set(rolesOf, id).add(roleId));
      return Reply.empty(201);
    });
    handlers.declare("DeleteRole" + noun, call -> {
      String roleId = store.role(call.param("id")).get("id").asText();
      String holderId = lookup.apply(call.param(idParam)).get("id").asText();
      if (!Store.set(rolesOf, holderId).remove(roleId)) {
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
    Guard guard = call.guard();
    String name = guard.string("name", false);
    String description = guard.string("description", false);
    Boolean isDefault = guard.bool("isDefault", false);
    guard.check();
    ObjectNode role = store.role(call.param("id"));
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
    // Logto's search over a role's id, name and description (the same search params as users')
    java.util.function.Predicate<ObjectNode> search = Search.advanced(call, SEARCH_FIELDS);
    List<JsonNode> roles = new ArrayList<>();
    for (ObjectNode role : store.roles.values()) {
      String roleId = role.get("id").asText();
      if (!search.test(role) || type != null && !type.equals(role.get("type").asText())
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

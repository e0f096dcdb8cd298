package io.logto.management.testkit.internal;

import static io.logto.management.testkit.internal.DataHookPayloads.Members.USERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Organizations, their members and member roles, organization roles and organization scopes. */
final class OrganizationRoutes {
  private final Store store;

  OrganizationRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    registerOrganizations(handlers);
    registerMembers(handlers);
    registerRoles(handlers);
    registerScopes(handlers);
  }

  private void registerOrganizations(Declarations handlers) {
    handlers.declare("CreateOrganization", call -> {
      Guard guard = call.guard();
      String name = guard.name("name");
      JsonNode description = guard.nullableString("description");
      ObjectNode customData = guard.object("customData", false);
      Boolean mfa = guard.bool("isMfaRequired", false);
      guard.check();
      ObjectNode org = Json.object();
      org.put("tenantId", Store.TENANT).put("id", store.id(12)).put("name", name);
      org.set("description", description == null ? org.nullNode() : description);
      org.set("customData", customData == null ? Json.object() : Json.jsonb(customData));
      org.put("isMfaRequired", mfa != null && mfa);
      org.set("color", Json.object());
      org.set("branding", Json.object());
      org.putNull("customCss");
      org.put("createdAt", store.now());
      store.organizations.put(org.get("id").asText(), org);
      return Reply.created(org);
    }).event("Organization.Created");
    handlers.declare("ListOrganizations", call -> {
      List<ObjectNode> orgs = Search.substring(call.query("q"), Store.newestFirst(store.organizations.values()));
      if ("true".equals(call.query("showFeatured"))) {
        orgs = orgs.stream().map(this::withFeaturedUsers).toList();
      }
      return Pager.paged(call, orgs);
    });
    handlers.declare("GetOrganization", call -> Reply.ok(store.organization(call.param("id"))));
    handlers.declare("UpdateOrganization", call -> {
      Guard guard = call.guard();
      String name = guard.string("name", false);
      JsonNode description = guard.nullableString("description");
      ObjectNode customData = guard.object("customData", false);
      Boolean mfa = guard.bool("isMfaRequired", false);
      guard.check();
      ObjectNode org = Store.row(store.organizations, "organizations", call.param("id"));
      if (name != null) {
        org.put("name", name);
      }
      if (description != null) {
        org.set("description", description);
      }
      if (customData != null) {
        org.set("customData", Json.jsonb(customData));
      }
      if (mfa != null) {
        org.put("isMfaRequired", mfa);
      }
      return Reply.ok(org);
    }).event("Organization.Data.Updated");
    handlers.declare("DeleteOrganization", call -> {
      store.cascades.deleteOrganization(Store.row(store.organizations, "organizations", call.param("id")).get("id").asText());
      return Reply.empty(204);
    }).event("Organization.Deleted");
  }

  /**
   * An organization with {@code usersCount} and up to three {@code featuredUsers} ({@code id},
   * {@code avatar}, {@code name}), as {@code showFeatured=true} lists it.
   */
  private ObjectNode withFeaturedUsers(ObjectNode org) {
    ObjectNode item = org.deepCopy();
    Set<String> members = store.orgUsers.getOrDefault(org.get("id").asText(), Set.of());
    item.put("usersCount", members.size());
    ArrayNode featured = item.putArray("featuredUsers");
    members.stream().limit(3).map(store.users::get).forEach(user -> {
      ObjectNode ref = featured.addObject();
      ref.set("id", user.get("id"));
      ref.set("avatar", user.get("avatar"));
      ref.set("name", user.get("name"));
    });
    return item;
  }

  /**
   * The role ids of a member-role body: {@code organizationRoleIds} (each must exist, 422 otherwise),
   * or {@code organizationRoleNames} looked up by name (an unknown name is a 422 as well).
   */
  private List<String> roleIdsOrNames(Call call) {
    Guard guard = call.guard();
    List<String> names = guard.has("organizationRoleNames") ? guard.strings("organizationRoleNames", true) : null;
    List<String> ids = names == null || guard.has("organizationRoleIds") ? guard.strings("organizationRoleIds", true)
        : new ArrayList<>();
    guard.check();
    Store.requireAll(store.orgRoles, ids);
    if (names != null) {
      for (String name : names) {
        String id = store.orgRoles.values().stream().filter(role -> role.get("name").asText().equals(name))
            .map(role -> role.get("id").asText()).findFirst().orElseThrow(ApiError::foreignKeyNotFound);
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  private void registerMembers(Declarations handlers) {
    handlers.declare("AddOrganizationUsers", call -> {
      List<String> userIds = call.ids("userIds");
      String orgId = OrganizationRelations.insertable(store, call, store.users::get, userIds);
      Store.set(store.orgUsers, orgId).addAll(userIds);
      ObjectNode body = Json.object();
      body.set("userIds", Json.strings(userIds));
      return Reply.created(body);
    }).event("Organization.Membership.Updated").payloads(DataHookPayloads.membership(store, USERS));
    handlers.declare("ReplaceOrganizationUsers", call -> {
      List<String> userIds = call.ids("userIds");
      String orgId = userIds.isEmpty() ? call.param("id") : OrganizationRelations.insertable(store, call, store.users::get, userIds);
      for (String userId : new ArrayList<>(Store.set(store.orgUsers, orgId))) {
        if (!userIds.contains(userId)) {
          store.cascades.removeMember(orgId, userId);
        }
      }
      Store.set(store.orgUsers, orgId).addAll(userIds);
      return Reply.empty(204);
    }).event("Organization.Membership.Updated").payloads(DataHookPayloads.membership(store, USERS));
    handlers.declare("ListOrganizationUsers", call -> {
      // Logto's own query here: a missing organization simply has no members
      String orgId = call.param("id");
      Set<String> members = Store.set(store.orgUsers, orgId);
      String roleFilter = call.query("organizationRoleId");
      List<ObjectNode> users = new ArrayList<>();
      for (ObjectNode user : Store.newestFirst(store.users.values())) {
        String userId = user.get("id").asText();
        if (members.contains(userId) && (roleFilter == null || memberRoles(orgId, userId).contains(roleFilter))) {
          ObjectNode item = user.deepCopy();
          item.set("organizationRoles", OrganizationRelations.roleRefs(store, orgId, userId));
          users.add(item);
        }
      }
      return Pager.paged(call, Search.substring(call.query("q"), users));
    });
    handlers.declare("DeleteOrganizationUser", call -> {
      if (!store.cascades.removeMember(call.param("id"), call.param("userId"))) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    }).event("Organization.Membership.Updated").payloads(DataHookPayloads.membership(store, USERS));
    handlers.declare("ListOrganizationUserRoles", call -> {
      String orgId = member(call);
      List<JsonNode> roles = new ArrayList<>();
      memberRoles(orgId, call.param("userId")).forEach(roleId -> roles.add(store.orgRole(roleId)));
      return Pager.optional(call, roles);
    });
    handlers.declare("AssignOrganizationRolesToUser", call -> {
      String orgId = member(call);
      List<String> roleIds = roleIdsOrNames(call);
      memberRoles(orgId, call.param("userId")).addAll(roleIds);
      ObjectNode body = Json.object();
      body.set("organizationRoleIds", Json.strings(roleIds));
      return Reply.created(body);
    });
    handlers.declare("ReplaceOrganizationUserRoles", call -> {
      String orgId = member(call);
      List<String> roleIds = roleIdsOrNames(call);
      Set<String> roles = memberRoles(orgId, call.param("userId"));
      roles.clear();
      roles.addAll(roleIds);
      return Reply.empty(204);
    });
    handlers.declare("DeleteOrganizationUserRole", call -> {
      String orgId = member(call);
      if (!memberRoles(orgId, call.param("userId")).remove(call.param("organizationRoleId"))) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
    handlers.declare("AssignOrganizationRolesToUsers", call -> {
      Guard guard = call.guard();
      List<String> userIds = guard.strings("userIds", true);
      List<String> roleIds = guard.strings("organizationRoleIds", true);
      guard.check();
      String orgId = store.organization(call.param("id")).get("id").asText();
      Store.requireAll(store.orgRoles, roleIds);
      for (String userId : userIds) {
        requireMembership(orgId, userId);
      }
      userIds.forEach(userId -> memberRoles(orgId, userId).addAll(roleIds));
      return Reply.empty(201);
    });
    handlers.declare("ListOrganizationUserScopes", call -> {
      String orgId = member(call);
      Set<String> scopeIds = new LinkedHashSet<>();
      memberRoles(orgId, call.param("userId"))
          .forEach(roleId -> scopeIds.addAll(Store.set(store.orgRoleScopes, roleId)));
      List<JsonNode> scopes = new ArrayList<>();
      scopeIds.forEach(scopeId -> scopes.add(store.orgScope(scopeId)));
      return Reply.ok(Json.arrayOf(scopes));
    });
  }

  private void registerRoles(Declarations handlers) {
    handlers.declare("CreateOrganizationRole", call -> {
      Guard guard = call.guard();
      String name = guard.name("name");
      JsonNode description = guard.nullableString("description");
      String type = guard.oneOf("type", List.of("User", "MachineToMachine"), false);
      List<String> scopeIds = guard.strings("organizationScopeIds", false);
      List<String> resourceScopeIds = guard.strings("resourceScopeIds", false);
      guard.check();
      checkUnique(store.orgRoles, name, null);
      Store.requireAll(store.orgScopes, scopeIds == null ? List.of() : scopeIds);
      Store.requireAll(store.scopes, resourceScopeIds == null ? List.of() : resourceScopeIds);
      ObjectNode role = Json.object();
      String id = store.id(21);
      role.put("tenantId", Store.TENANT).put("id", id).put("name", name);
      role.set("description", description == null ? role.nullNode() : description);
      role.put("type", type == null ? "User" : type);
      store.orgRoles.put(id, role);
      Store.set(store.orgRoleScopes, id).addAll(scopeIds == null ? List.of() : scopeIds);
      Store.set(store.orgRoleResourceScopes, id).addAll(resourceScopeIds == null ? List.of() : resourceScopeIds);
      return Reply.created(role);
    }).event("OrganizationRole.Created").payloads(call -> (succeeded, payloads) -> {
      // with scope ids Logto first queues the role's scope update, naming the new role
      JsonNode body = call.json();
      if (body.path("organizationScopeIds").size() > 0 || body.path("resourceScopeIds").size() > 0) {
        payloads.add(succeeded.withCall(succeeded.start("OrganizationRole.Scopes.Updated"))
            .put("organizationRoleId", succeeded.reply().body().get("id").asText()));
      }
      payloads.add(succeeded.registered());
    });
    handlers.declare("ListOrganizationRoles", call -> {
      List<ObjectNode> roles = new ArrayList<>();
      for (ObjectNode role : store.orgRoles.values()) {
        String id = role.get("id").asText();
        ObjectNode item = role.deepCopy();
        ArrayNode scopes = item.putArray("scopes");
        Store.set(store.orgRoleScopes, id).forEach(scopeId ->
            scopes.addObject().put("id", scopeId).set("name", store.orgScope(scopeId).get("name")));
        ArrayNode resourceScopes = item.putArray("resourceScopes");
        for (String scopeId : Store.set(store.orgRoleResourceScopes, id)) {
          ObjectNode scope = store.scope(scopeId);
          ObjectNode resource = store.resource(scope.get("resourceId").asText());
          ObjectNode ref = resourceScopes.addObject().put("id", scopeId);
          ref.set("name", scope.get("name"));
          ObjectNode resourceRef = ref.putObject("resource");
          resourceRef.set("id", resource.get("id"));
          resourceRef.set("name", resource.get("name"));
          resourceRef.set("indicator", resource.get("indicator"));
        }
        roles.add(item);
      }
      return Pager.paged(call, Search.substring(call.query("q"), roles));
    });
    handlers.declare("GetOrganizationRole", call -> Reply.ok(store.orgRole(call.param("id"))));
    handlers.declare("UpdateOrganizationRole", call -> rename(call, store.orgRoles, "organization_roles")).event("OrganizationRole.Data.Updated");
    handlers.declare("DeleteOrganizationRole", call -> {
      store.cascades.deleteOrganizationRole(Store.row(store.orgRoles, "organization_roles", call.param("id")).get("id").asText());
      return Reply.empty(204);
    }).event("OrganizationRole.Deleted");
    registerRoleScopes(handlers, "", store.orgRoleScopes, store.orgScopes, "organizationScopeIds");
    registerRoleScopes(handlers, "Resource", store.orgRoleResourceScopes, store.scopes, "scopeIds");
  }

  /** The four scope-relation operations of an organization role ({@code scopes} or {@code resource-scopes}). */
  private void registerRoleScopes(Declarations handlers, String kind, Map<String, Set<String>> relation,
      Map<String, ObjectNode> scopeTable, String bodyField) {
    handlers.declare("ListOrganizationRole" + kind + "Scopes", call -> {
      String id = store.orgRole(call.param("id")).get("id").asText();
      List<JsonNode> scopes = new ArrayList<>();
      Store.set(relation, id).forEach(scopeId -> scopes.add(scopeTable.get(scopeId)));
      return Pager.optional(call, scopes);
    });
    handlers.declare("CreateOrganizationRole" + kind + "Scope", call -> {
      List<String> ids = scopeIds(call, scopeTable, bodyField);
      Store.set(relation, call.param("id")).addAll(ids);
      return Reply.empty(201);
    }).event(kind.isEmpty() ? "OrganizationRole.Scopes.Updated" : null);
    handlers.declare("ReplaceOrganizationRole" + kind + "Scopes", call -> {
      List<String> ids = scopeIds(call, scopeTable, bodyField);
      Set<String> scopes = Store.set(relation, call.param("id"));
      scopes.clear();
      scopes.addAll(ids);
      return Reply.empty(204);
    }).event(kind.isEmpty() ? "OrganizationRole.Scopes.Updated" : null);
    handlers.declare("DeleteOrganizationRole" + kind + "Scope", call -> {
      String id = call.param("id");
      String scopeId = call.param(kind.isEmpty() ? "organizationScopeId" : "scopeId");
      if (!Store.set(relation, id).remove(scopeId)) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    }).event(kind.isEmpty() ? "OrganizationRole.Scopes.Updated" : null);
  }

  private List<String> scopeIds(Call call, Map<String, ObjectNode> scopeTable, String bodyField) {
    List<String> ids = call.ids(bodyField);
    store.orgRole(call.param("id"));
    Store.requireAll(scopeTable, ids);
    return ids;
  }

  private void registerScopes(Declarations handlers) {
    handlers.declare("CreateOrganizationScope", call -> {
      Guard guard = call.guard();
      String name = guard.name("name");
      JsonNode description = guard.nullableString("description");
      guard.check();
      checkUnique(store.orgScopes, name, null);
      ObjectNode scope = Json.object();
      String id = store.id(21);
      scope.put("tenantId", Store.TENANT).put("id", id).put("name", name);
      scope.set("description", description == null ? scope.nullNode() : description);
      store.orgScopes.put(id, scope);
      return Reply.created(scope);
    }).event("OrganizationScope.Created");
    handlers.declare("ListOrganizationScopes", call ->
        Pager.optional(call, Search.substring(call.query("q"), new ArrayList<>(store.orgScopes.values()))));
    handlers.declare("GetOrganizationScope", call -> Reply.ok(store.orgScope(call.param("id"))));
    handlers.declare("UpdateOrganizationScope", call -> rename(call, store.orgScopes, "organization_scopes")).event("OrganizationScope.Data.Updated");
    handlers.declare("DeleteOrganizationScope", call -> {
      store.cascades.deleteOrganizationScope(Store.row(store.orgScopes, "organization_scopes", call.param("id")).get("id").asText());
      return Reply.empty(204);
    }).event("OrganizationScope.Deleted");
  }

  /** PATCH of an organization role or scope: a unique name and a nullable description. */
  private static Reply rename(Call call, Map<String, ObjectNode> table, String tableName) {
    Guard guard = call.guard();
    String name = guard.string("name", false);
    JsonNode description = guard.nullableString("description");
    guard.check();
    ObjectNode entity = Store.row(table, tableName, call.param("id"));
    if (name != null) {
      checkUnique(table, name, entity.get("id").asText());
      entity.put("name", name);
    }
    if (description != null) {
      entity.set("description", description);
    }
    return Reply.ok(entity);
  }

  private static void checkUnique(Map<String, ObjectNode> table, String name, String selfId) {
    for (ObjectNode entity : table.values()) {
      if (entity.get("name").asText().equals(name) && !entity.get("id").asText().equals(selfId)) {
        throw ApiError.of(422, "entity.unique_integrity_violation", "The entity already exists.");
      }
    }
  }

  private Set<String> memberRoles(String orgId, String userId) {
    return Store.set(store.orgUserRoles.computeIfAbsent(orgId, k -> new java.util.HashMap<>()), userId);
  }

  private void requireMembership(String orgId, String userId) {
    OrganizationRelations.requireMembership(store.orgUsers, orgId, userId);
  }

  /** The organization id of a member route, after checking the user is a member (422 otherwise, even for a missing organization). */
  private String member(Call call) {
    String orgId = call.param("id");
    requireMembership(orgId, call.param("userId"));
    return orgId;
  }
}

package io.logto.management.testkit.internal;

import static io.logto.management.testkit.internal.DataHookPayloads.Members.APPLICATIONS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The applications of an organization and the organization roles they hold there. As in Logto's
 * relation routes: a list checks the organization exists ({@code entity.not_exists_with_id}); adds
 * and replaces insert rows whose foreign keys must exist (422); removing a row that is not there
 * answers 404 {@code entity.not_found}; the role routes of one application first require it to be in
 * the organization (422 {@code organization.require_membership}).
 */
final class OrganizationApplicationRoutes {
  private final Store store;

  OrganizationApplicationRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    // Logto lists by the id without reading the organization: a missing one has no applications
    handlers.declare("ListOrganizationApplications", call -> {
      String orgId = call.param("id");
      List<ObjectNode> apps = new ArrayList<>();
      for (String appId : store.orgApps.getOrDefault(orgId, Set.of())) {
        ObjectNode item = store.application(appId).deepCopy();
        item.set("organizationRoles", OrganizationRelations.roleRefs(store, store.orgAppRoles, orgId, appId));
        apps.add(item);
      }
      return Pager.paged(call, Search.substring(call.query("q"), apps));
    });
    handlers.declare("AddOrganizationApplications", call -> {
      List<String> appIds = call.ids("applicationIds");
      Store.set(store.orgApps, OrganizationRelations.insertable(store, call, store.applications::get, appIds)).addAll(appIds);
      return Reply.empty(201);
    }).payloads(DataHookPayloads.membership(store, APPLICATIONS));
    handlers.declare("ReplaceOrganizationApplications", call -> {
      List<String> appIds = call.ids("applicationIds");
      String orgId = appIds.isEmpty() ? call.param("id")
          : OrganizationRelations.insertable(store, call, store.applications::get, appIds);
      for (String appId : new ArrayList<>(Store.set(store.orgApps, orgId))) {
        if (!appIds.contains(appId)) {
          store.cascades.removeOrganizationApplication(orgId, appId);
        }
      }
      Store.set(store.orgApps, orgId).addAll(appIds);
      return Reply.empty(204);
    }).payloads(DataHookPayloads.membership(store, APPLICATIONS));
    handlers.declare("DeleteOrganizationApplication", call -> {
      if (!store.cascades.removeOrganizationApplication(call.param("id"), call.param("applicationId"))) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    }).payloads(DataHookPayloads.membership(store, APPLICATIONS));
    registerRoles(handlers);
  }

  private void registerRoles(Declarations handlers) {
    handlers.declare("ListOrganizationApplicationRoles", call -> {
      List<JsonNode> roles = new ArrayList<>();
      rolesOf(call).forEach(roleId -> roles.add(store.orgRoles.get(roleId)));
      return Pager.optional(call, roles);
    });
    handlers.declare("AssignOrganizationRolesToApplication", call -> {
      // Logto's router checks the membership before a route's body guard
      Set<String> held = rolesOf(call);
      List<String> roleIds = roleIds(call);
      Store.requireAll(store.orgRoles, roleIds);
      held.addAll(roleIds);
      return Reply.empty(201);
    });
    handlers.declare("ReplaceOrganizationApplicationRoles", call -> {
      // Logto's router checks the membership before a route's body guard
      Set<String> held = rolesOf(call);
      List<String> roleIds = roleIds(call);
      Store.requireAll(store.orgRoles, roleIds);
      held.clear();
      held.addAll(roleIds);
      return Reply.empty(204);
    });
    handlers.declare("DeleteOrganizationApplicationRole", call -> {
      if (!rolesOf(call).remove(call.param("organizationRoleId"))) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
    handlers.declare("AssignOrganizationRolesToApplications", call -> {
      Guard guard = call.guard();
      List<String> appIds = guard.strings("applicationIds", true);
      List<String> roleIds = guard.strings("organizationRoleIds", true);
      guard.check();
      String orgId = call.param("id");
      Store.requireAll(store.orgRoles, roleIds);
      appIds.forEach(appId -> OrganizationRelations.requireMembership(store.orgApps, orgId, appId));
      appIds.forEach(appId -> roles(orgId, appId).addAll(roleIds));
      return Reply.empty(201);
    });
  }

  /** The required, non-empty {@code organizationRoleIds} of the body. */
  private static List<String> roleIds(Call call) {
    List<String> roleIds = call.ids("organizationRoleIds");
    if (roleIds.isEmpty()) {
      Guard.emptyArray("organizationRoleIds");
    }
    return roleIds;
  }

  /** The roles the call's application holds in the call's organization, after checking it is a member. */
  private Set<String> rolesOf(Call call) {
    String orgId = call.param("id");
    String appId = call.param("applicationId");
    OrganizationRelations.requireMembership(store.orgApps, orgId, appId);
    return roles(orgId, appId);
  }

  private Set<String> roles(String orgId, String appId) {
    return Store.set(store.orgAppRoles.computeIfAbsent(orgId, k -> new HashMap<>()), appId);
  }
}

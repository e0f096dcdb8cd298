package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Listing, adding, replacing and removing the roles of a user or an application, answered the way Logto does. */
final class RoleAssignment {
  private RoleAssignment() {}

  /**
   * POST answers 201 {@code {roleIds, addedRoleIds}} (already held roles are not added again); PUT
   * replaces the set and answers 200 {@code {roleIds}}.
   */
  static Reply apply(Set<String> assigned, List<String> roleIds, boolean replace) {
    if (replace) {
      assigned.clear();
    }
    List<String> added = new ArrayList<>();
    for (String roleId : roleIds) {
      if (assigned.add(roleId)) {
        added.add(roleId);
      }
    }
    ObjectNode body = Json.object();
    body.set("roleIds", Json.strings(roleIds));
    if (replace) {
      return Reply.ok(body);
    }
    body.set("addedRoleIds", Json.strings(added));
    return Reply.created(body);
  }

  /** The held roles, paginated. */
  static Reply list(Call call, Store store, Set<String> assigned) {
    List<JsonNode> roles = new ArrayList<>();
    assigned.forEach(roleId -> roles.add(store.role(roleId)));
    return Pager.paged(call, roles);
  }

  /** Removes one held role: 204, or 404 when it was not held. */
  static Reply remove(Set<String> assigned, String roleId) {
    if (!assigned.remove(roleId)) {
      throw ApiError.notFound();
    }
    return Reply.empty(204);
  }
}

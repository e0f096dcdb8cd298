package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the routes of an organization's members (users and applications), its JIT rules and the consents
 * of its members check and show: the roles a member holds there, the foreign keys of an insert into one
 * of its relations, and the membership a member route requires.
 */
final class OrganizationRelations {
  private OrganizationRelations() {}

  /** The {@code [{id, name}]} organization roles of a member, as Logto embeds them. */
  static ArrayNode roleRefs(Store store, String orgId, String userId) {
    return roleRefs(store, store.orgUserRoles, orgId, userId);
  }

  /** The {@code [{id, name}]} organization roles a member (user or application) holds. */
  static ArrayNode roleRefs(Store store, Map<String, Map<String, Set<String>>> relation, String orgId,
      String memberId) {
    ArrayNode refs = Json.array();
    for (String roleId : relation.getOrDefault(orgId, Map.of()).getOrDefault(memberId, Set.of())) {
      ObjectNode role = store.orgRoles.get(roleId);
      if (role != null) {
        refs.addObject().put("id", roleId).set("name", role.get("name"));
      }
    }
    return refs;
  }

  /** The organization id of an insert into one of its relations, after checking the foreign keys (422). */
  static String insertable(Store store, Call call, Function<String, ?> related, List<String> ids) {
    String orgId = call.param("id");
    Store.requireAll(store.organizations, List.of(orgId));
    for (String id : ids) {
      if (related.apply(id) == null) {
        throw ApiError.foreignKeyNotFound();
      }
    }
    return orgId;
  }

  /** 422 {@code organization.require_membership} unless {@code memberId} is in the organization's relation. */
  static void requireMembership(Map<String, Set<String>> members, String orgId, String memberId) {
    if (!members.getOrDefault(orgId, Set.of()).contains(memberId)) {
      throw ApiError.of(422, "organization.require_membership",
          "The user must be a member of the organization to proceed.");
    }
  }
}

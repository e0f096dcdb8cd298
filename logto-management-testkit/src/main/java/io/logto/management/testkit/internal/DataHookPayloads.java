package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The payloads of Logto 1.42's data hooks for one successful Management API call, in the order Logto queues
 * them: first the contexts a route appends itself, then the one its route registration names
 * ({@code managementApiHooksRegistration}).
 *
 * <p>Every payload starts {@code event, createdAt, userAgent (when sent), ip}. A registered route adds the
 * call ({@code path} without {@code /api}, {@code method}, {@code status}, {@code params}, {@code matchedRoute})
 * and its answer as {@code data} when it has a JSON body. The routes that append their own context:
 * {@code DELETE /users/:userId} ({@code data}, the deleted user's public fields, then the call),
 * the organization membership routes of users and applications and an accepted invitation (the call,
 * {@code organizationId}, and the non-empty lists among {@code addedUserIds}, {@code removedUserIds},
 * {@code addedApplicationIds}, {@code removedApplicationIds}, each at most 5000 ids), and
 * {@code POST /organization-roles} with scope ids ({@code OrganizationRole.Scopes.Updated}: the call and
 * {@code organizationRoleId}). Routes behind the roles router's {@code /roles(/.*)?} middleware get
 * Koa's unnamed capture as param {@code "0"}.
 */
final class DataHookPayloads {
  /** Logto's cap on each membership delta list ({@code MEMBERSHIP_DELTA_CAP}). */
  static final int MEMBERSHIP_DELTA_CAP = 5000;
  private static final String MEMBERSHIP = "Organization.Membership.Updated";
  /** Membership routes Logto emits for that are not in its route registration either. */
  private static final Map<String, String> MEMBERSHIP_OPERATIONS = Map.of(
      "AddOrganizationApplications", "applications",
      "ReplaceOrganizationApplications", "applications",
      "DeleteOrganizationApplication", "applications",
      "AddOrganizationUsers", "users",
      "ReplaceOrganizationUsers", "users",
      "DeleteOrganizationUser", "users",
      "ReplaceOrganizationInvitationStatus", "users");

  private DataHookPayloads() {}

  /** What a payload needs from the store as it was before the handler ran. */
  record Before(JsonNode deletedUser, String organizationId, Set<String> members) {
    static final Before NOTHING = new Before(null, null, Set.of());
  }

  /** Reads, under the lock and before the handler, what the operation's payloads will need. */
  static Before before(Store store, Operation operation, Call call) {
    String operationId = operation.operationId();
    if (operationId.equals("DeleteUser")) {
      ObjectNode user = store.users.get(call.pathParams().get("userId"));
      return new Before(user == null ? null : store.userJson(user), null, Set.of());
    }
    String kind = MEMBERSHIP_OPERATIONS.get(operationId);
    if (kind == null) {
      return Before.NOTHING;
    }
    String organizationId;
    if (operationId.equals("ReplaceOrganizationInvitationStatus")) {
      ObjectNode invitation = store.invitations.get(call.pathParams().get("id"));
      organizationId = invitation == null ? null : invitation.path("organizationId").asText(null);
    } else {
      organizationId = call.pathParams().get("id");
    }
    if (organizationId == null) {
      return Before.NOTHING;
    }
    return new Before(null, organizationId, Set.copyOf(members(store, kind, organizationId)));
  }

  /**
   * The payloads (without {@code hookId}) of a call that succeeded, each with its event in {@code event}.
   *
   * @param registeredEvent the event the route's registration names, or null
   */
  static List<ObjectNode> payloads(Store store, Operation operation, Call call, Reply reply, Before before,
      String registeredEvent, String userAgent, String ip) {
    List<ObjectNode> payloads = new ArrayList<>();
    String operationId = operation.operationId();
    String createdAt = WebhookDispatcher.isoTime(store.now());
    if (operationId.equals("DeleteUser")) {
      ObjectNode payload = start("User.Deleted", createdAt, userAgent, ip);
      if (before.deletedUser() != null) {
        payload.set("data", userInfo(before.deletedUser()));
      }
      payloads.add(apiCall(payload, operation, call, reply));
      return payloads;
    }
    String kind = MEMBERSHIP_OPERATIONS.get(operationId);
    if (kind != null) {
      ObjectNode membership = membership(store, operation, call, reply, before, kind, createdAt, userAgent, ip);
      if (membership != null) {
        payloads.add(membership);
      }
      return payloads;
    }
    if (operationId.equals("CreateOrganizationRole") && withScopes(call)) {
      ObjectNode scopes = apiCall(start("OrganizationRole.Scopes.Updated", createdAt, userAgent, ip), operation,
          call, reply);
      payloads.add(scopes.put("organizationRoleId", reply.body().get("id").asText()));
    }
    if (registeredEvent != null) {
      ObjectNode payload = apiCall(start(registeredEvent, createdAt, userAgent, ip), operation, call, reply);
      JsonNode data = reply.body();
      if (data != null) {
        payload.set("data", data);
      }
      payloads.add(payload);
    }
    return payloads;
  }

  private static ObjectNode membership(Store store, Operation operation, Call call, Reply reply, Before before,
      String kind, String createdAt, String userAgent, String ip) {
    if (before.organizationId() == null) {
      return null;
    }
    if (operation.operationId().equals("ReplaceOrganizationInvitationStatus")
        && !"Accepted".equals(call.json().path("status").asText())) {
      return null;
    }
    Set<String> after = members(store, kind, before.organizationId());
    List<String> added = new ArrayList<>(after);
    added.removeAll(before.members());
    List<String> removed = new ArrayList<>(before.members());
    removed.removeAll(after);
    // Logto names the member a DELETE removes, whatever the table held
    if (operation.method().equals("DELETE")) {
      removed = List.of(call.param(kind.equals("users") ? "userId" : "applicationId"));
    }
    ObjectNode payload = apiCall(start(MEMBERSHIP, createdAt, userAgent, ip), operation, call, reply);
    payload.put("organizationId", before.organizationId());
    String noun = kind.equals("users") ? "UserIds" : "ApplicationIds";
    delta(payload, "added" + noun, added);
    delta(payload, "removed" + noun, removed);
    return payload;
  }

  private static void delta(ObjectNode payload, String name, List<String> ids) {
    if (!ids.isEmpty()) {
      payload.set(name, Json.strings(ids.size() > MEMBERSHIP_DELTA_CAP ? ids.subList(0, MEMBERSHIP_DELTA_CAP) : ids));
    }
  }

  private static Set<String> members(Store store, String kind, String organizationId) {
    Set<String> members = kind.equals("users") ? store.orgUsers.get(organizationId) : store.orgApps.get(organizationId);
    return members == null ? new HashSet<>() : new LinkedHashSet<>(members);
  }

  private static boolean withScopes(Call call) {
    JsonNode body = call.json();
    return body.path("organizationScopeIds").size() > 0 || body.path("resourceScopeIds").size() > 0;
  }

  private static ObjectNode start(String event, String createdAt, String userAgent, String ip) {
    ObjectNode payload = Json.object();
    payload.put("event", event).put("createdAt", createdAt);
    if (userAgent != null) {
      payload.put("userAgent", userAgent);
    }
    return payload.put("ip", ip);
  }

  /** Logto's {@code buildManagementApiContext}: the call as the management API router sees it. */
  private static ObjectNode apiCall(ObjectNode payload, Operation operation, Call call, Reply reply) {
    String route = operation.pathTemplate().replaceFirst("^/api(?=/)", "").replaceAll("\\{([^}]+)}", ":$1");
    String path = call.rawPath().replaceFirst("^/api(?=/)", "");
    payload.put("path", path).put("method", operation.method()).put("status", reply.status());
    ObjectNode params = payload.putObject("params");
    if (path.startsWith("/roles/")) {
      // the roles router's `/roles(/.*)?` middleware leaves its unnamed capture in the params
      params.put("0", path.substring("/roles".length()));
    }
    call.pathParams().forEach(params::put);
    return payload.put("matchedRoute", route);
  }

  /** Logto's {@code userInfoSelectFields}: the user without {@code hasPassword}. */
  private static ObjectNode userInfo(JsonNode user) {
    ObjectNode copy = user.deepCopy();
    copy.remove("hasPassword");
    return copy;
  }
}

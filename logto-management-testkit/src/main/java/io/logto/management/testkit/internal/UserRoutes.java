package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Users: CRUD, search, custom data, profile, password, suspension, roles and organizations. */
final class UserRoutes {
  private static final List<String> PROFILE_ORDER = List.of("familyName", "givenName", "middleName", "nickname",
      "preferredUsername", "profile", "website", "gender", "birthdate", "zoneinfo", "locale", "address");
  // Logto's own patterns for these fields
  private static final Pattern USERNAME = Pattern.compile("[A-Z_a-z]\\w*");
  private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+\\.\\S+");
  private static final Pattern PHONE = Pattern.compile("\\d+");
  private static final List<String> SEARCH_FIELDS = List.of("id", "primaryEmail", "primaryPhone", "username", "name");
  private static final List<String> UPDATABLE =
      List.of("username", "primaryEmail", "primaryPhone", "name", "avatar", "customData", "profile");

  private final Store store;

  UserRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("CreateUser", this::create).event("User.Created");
    handlers.declare("GetUser", call -> {
      ObjectNode user = json(store.user(call.param("userId")));
      if ("true".equals(call.query("includeSsoIdentities"))) {
        user.set("ssoIdentities", Json.array());
      }
      return Reply.ok(user);
    });
    handlers.declare("ListUsers", this::list);
    handlers.declare("UpdateUser", this::update).event("User.Data.Updated");
    handlers.declare("DeleteUser", this::delete).event("User.Deleted").payloads(call -> {
      // Logto's payload carries the deleted user (its userInfoSelectFields: the stored fields, no hasPassword)
      ObjectNode user = store.users.get(call.pathParams().get("userId"));
      ObjectNode deleted = user == null ? null : user.deepCopy();
      return (succeeded, payloads) -> {
        ObjectNode payload = succeeded.start(succeeded.event());
        if (deleted != null) {
          payload.set("data", deleted);
        }
        payloads.add(succeeded.withCall(payload));
      };
    });
    handlers.declare("ListUserCustomData", call -> Reply.ok(store.user(call.param("userId")).get("customData")));
    handlers.declare("UpdateUserCustomData", call -> mergeInto(call, "customData", Json::jsonb)).event("User.Data.Updated");
    handlers.declare("UpdateUserProfile", call -> mergeInto(call, "profile", UserRoutes::profile)).event("User.Data.Updated");
    handlers.declare("UpdateUserPassword", call -> {
      Guard guard = call.guard();
      String password = guard.string("password", true);
      guard.check();
      ObjectNode user = store.user(call.param("userId"));
      store.passwords.put(user.get("id").asText(), password);
      user.put("updatedAt", store.now());
      return Reply.ok(json(user));
    }).event("User.Data.Updated");
    handlers.declare("VerifyUserPassword", call -> {
      Guard guard = call.guard();
      String password = guard.string("password", true);
      guard.check();
      ObjectNode user = store.user(call.param("userId"));
      if (!password.equals(store.passwords.get(user.get("id").asText()))) {
        throw ApiError.of(422, "session.invalid_credentials",
            "Incorrect account or password. Please check your input.");
      }
      return Reply.empty(204);
    });
    handlers.declare("GetUserHasPassword", call -> {
      ObjectNode user = store.user(call.param("userId"));
      ObjectNode body = Json.object();
      body.put("hasPassword", store.passwords.containsKey(user.get("id").asText()));
      return Reply.ok(body);
    });
    handlers.declare("UpdateUserIsSuspended", call -> {
      Guard guard = call.guard();
      Boolean suspended = guard.bool("isSuspended", true);
      guard.check();
      ObjectNode user = store.user(call.param("userId"));
      user.put("isSuspended", suspended).put("updatedAt", store.now());
      return Reply.ok(json(user));
    }).event("User.SuspensionStatus.Updated");
    handlers.declare("ListUserRoles", call -> RoleAssignment.list(call, store, rolesOf(call)));
    handlers.declare("AssignUserRoles", call -> assignRoles(call, false));
    handlers.declare("ReplaceUserRoles", call -> assignRoles(call, true));
    handlers.declare("DeleteUserRole", call -> RoleAssignment.remove(rolesOf(call), call.param("roleId")));
    handlers.declare("ListUserOrganizations", call -> {
      String userId = store.user(call.param("userId")).get("id").asText();
      List<JsonNode> orgs = new ArrayList<>();
      for (ObjectNode org : Store.newestFirst(store.organizations.values())) {
        String orgId = org.get("id").asText();
        if (store.orgUsers.getOrDefault(orgId, Set.of()).contains(userId)) {
          ObjectNode item = org.deepCopy();
          item.set("organizationRoles", OrganizationRelations.roleRefs(store, orgId, userId));
          orgs.add(item);
        }
      }
      return Reply.ok(Json.arrayOf(orgs));
    });
  }

  /** Shallow-merges the body's object {@code field} into the user's and answers the result. */
  private Reply mergeInto(Call call, String field, UnaryOperator<ObjectNode> normalize) {
    Guard guard = call.guard();
    ObjectNode patch = guard.object(field, true);
    guard.check();
    ObjectNode user = store.user(call.param("userId"));
    user.set(field, normalize.apply(Json.merge((ObjectNode) user.get(field), patch)));
    user.put("updatedAt", store.now());
    return Reply.ok(user.get(field));
  }

  private ObjectNode json(ObjectNode user) {
    return store.userJson(user);
  }

  static ObjectNode profile(ObjectNode profile) {
    ObjectNode ordered = Json.object();
    for (String field : PROFILE_ORDER) {
      if (profile.has(field)) {
        ordered.set(field, profile.get(field));
      }
    }
    for (Map.Entry<String, JsonNode> field : profile.properties()) {
      if (!ordered.has(field.getKey())) {
        ordered.set(field.getKey(), field.getValue());
      }
    }
    return ordered;
  }

  private Reply create(Call call) {
    Guard guard = call.guard();
    String username = guard.matching("username", USERNAME);
    String password = guard.string("password", false);
    String email = guard.matching("primaryEmail", EMAIL);
    String phone = guard.matching("primaryPhone", PHONE);
    String name = guard.string("name", false);
    JsonNode avatar = guard.nullableString("avatar");
    ObjectNode customData = guard.object("customData", false);
    ObjectNode profile = guard.object("profile", false);
    guard.check();
    checkUnique(null, username, email, phone);
    ObjectNode user = Json.object();
    long now = store.now();
    String id = store.id(12);
    user.put("id", id).put("username", username).put("primaryEmail", email).put("primaryPhone", phone)
        .put("name", name);
    user.set("avatar", avatar == null ? user.nullNode() : avatar);
    user.set("customData", customData == null ? Json.object() : Json.jsonb(customData));
    user.set("identities", Json.object());
    user.putNull("lastSignInAt");
    user.put("createdAt", now).put("updatedAt", now);
    user.set("profile", profile == null ? Json.object() : profile(profile));
    user.putNull("applicationId").putNull("cimdClientId").put("isSuspended", false);
    store.users.put(id, user);
    if (password != null) {
      store.passwords.put(id, password);
    }
    return Reply.ok(json(user));
  }

  private Reply update(Call call) {
    Guard guard = call.guard();
    JsonNode username = nullableMatching(guard, "username", USERNAME);
    JsonNode email = nullableMatching(guard, "primaryEmail", EMAIL);
    JsonNode phone = nullableMatching(guard, "primaryPhone", PHONE);
    JsonNode name = guard.nullableString("name");
    JsonNode avatar = guard.nullableString("avatar");
    ObjectNode customData = guard.object("customData", false);
    ObjectNode profile = guard.object("profile", false);
    guard.check();
    ObjectNode user = store.user(call.param("userId"));
    if (!Guard.hasAnyOf(guard.raw(), UPDATABLE)) {
      // Logto drops unknown keys; an update with nothing left fails in its query builder
      throw ApiError.emptyUpdate();
    }
    checkUnique(user.get("id").asText(), text(username), text(email), text(phone));
    setIfPresent(user, "username", username);
    setIfPresent(user, "primaryEmail", email);
    setIfPresent(user, "primaryPhone", phone);
    setIfPresent(user, "name", name);
    setIfPresent(user, "avatar", avatar);
    if (customData != null) {
      user.set("customData", Json.jsonb(customData));
    }
    if (profile != null) {
      user.set("profile", profile(profile));
    }
    user.put("updatedAt", store.now());
    return Reply.ok(json(user));
  }

  private static JsonNode nullableMatching(Guard guard, String field, Pattern pattern) {
    JsonNode value = guard.raw().get(field);
    if (value != null && value.isTextual()) {
      return guard.matching(field, pattern) == null ? null : value;
    }
    return guard.nullableString(field);
  }

  private static void setIfPresent(ObjectNode entity, String field, JsonNode value) {
    if (value != null) {
      entity.set(field, value);
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private void checkUnique(String selfId, String username, String email, String phone) {
    for (ObjectNode other : store.users.values()) {
      if (other.get("id").asText().equals(selfId)) {
        continue;
      }
      if (username != null && username.equals(other.get("username").textValue())) {
        throw ApiError.of(422, "user.username_already_in_use", "This username is already in use.");
      }
      if (email != null && email.equalsIgnoreCase(other.get("primaryEmail").textValue())) {
        throw ApiError.of(422, "user.email_already_in_use", "This email is associated with an existing account.");
      }
      if (phone != null && phone.equals(other.get("primaryPhone").textValue())) {
        throw ApiError.of(422, "user.phone_already_in_use",
            "This phone number is associated with an existing account.");
      }
    }
  }

  private Reply delete(Call call) {
    ObjectNode user = store.user(call.param("userId"));
    store.cascades.deleteUser(user.get("id").asText());
    return Reply.empty(204);
  }

  private Reply list(Call call) {
    Predicate<ObjectNode> filter = Search.advanced(call, SEARCH_FIELDS);
    List<JsonNode> users = new ArrayList<>();
    for (ObjectNode user : Store.newestFirst(store.users.values())) {
      if (filter.test(user)) {
        users.add(json(user));
      }
    }
    return Pager.paged(call, users);
  }

  /** The roles of the call's user (404 when the user does not exist). */
  private Set<String> rolesOf(Call call) {
    return Store.set(store.userRoles, store.user(call.param("userId")).get("id").asText());
  }

  private Reply assignRoles(Call call, boolean replace) {
    List<String> roleIds = call.ids("roleIds");
    Set<String> assigned = rolesOf(call);
    for (String roleId : roleIds) {
      if (!store.role(roleId).get("type").asText().equals("User")) {
        throw ApiError.of(422, "user.invalid_role_type",
            "Invalid role type, can not assign machine-to-machine role to user.");
      }
    }
    return RoleAssignment.apply(assigned, roleIds, replace);
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A user's social identities (set through the API, kept in the user's {@code identities} like
 * Logto), enterprise SSO identities, sessions and grants. SSO identities, sessions and grants come
 * from interactive sign-ins, which the emulator has none of: their lists are empty and a lookup of
 * one answers the 404 Logto answers for an unknown id. Linking through a social connector
 * ({@code CreateUserIdentity}) checks the connector as Logto does, then answers 501: the profile comes
 * from the social provider.
 */
final class UserIdentityRoutes {
  private final Store store;

  UserIdentityRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("ReplaceUserIdentity", this::replaceIdentity);
    handlers.declare("GetUserIdentity", call -> {
      ObjectNode user = store.user(call.param("userId"));
      ObjectNode body = Json.object();
      body.set("identity", identity(user, call.param("target")));
      return Reply.ok(body);
    });
    handlers.declare("DeleteUserIdentity", call -> {
      ObjectNode user = store.user(call.param("userId"));
      identity(user, call.param("target"));
      ((ObjectNode) user.get("identities")).remove(call.param("target"));
      user.put("updatedAt", store.now());
      return Reply.ok(store.userJson(user));
    });
    handlers.declare("CreateUserIdentity", call -> {
      Guard guard = call.guard();
      String connectorId = guard.string("connectorId", true);
      guard.object("connectorData", true);
      guard.check();
      ConnectorFactory factory = store.connectors.factoryOf(store.connectors.connector(connectorId));
      store.user(call.param("userId"));
      if (factory == null || !factory.type().equals("Social")) {
        throw ApiError.of(422, "session.invalid_connector_id",
            "Unable to find available connector with id " + connectorId + ".");
      }
      // Logto hands connectorData to the social provider, which answers the user's profile
      throw call.notEmulated("the social provider's answer to connectorData (the user's profile at that provider)");
    });
    handlers.declare("ListUserAllIdentities", call -> {
      ObjectNode user = store.user(call.param("userId"));
      ObjectNode body = Json.object();
      ArrayNode social = body.putArray("socialIdentities");
      user.get("identities").properties().forEach(entry -> {
        ObjectNode item = social.addObject();
        item.set("identity", entry.getValue());
        item.put("target", entry.getKey());
      });
      body.putArray("ssoIdentities");
      return Reply.ok(body);
    });
    handlers.declare("GetUserSsoIdentity", call -> {
      store.user(call.param("userId"));
      // Logto raises this without the connector id, so its message keeps the placeholder
      throw ApiError.of(404, "user.enterprise_sso_identity_not_exists",
          "The user does not have an enterprise identity linked to the specified SSO connector ID: "
              + "{{ ssoConnectorId }}.");
    });
    handlers.declare("ListUserSessions", call -> Reply.ok(emptyList("sessions")));
    handlers.declare("GetUserSession", call -> {
      throw sessionNotFound();
    });
    handlers.declare("DeleteUserSession", call -> {
      throw sessionNotFound();
    });
    handlers.declare("ListUserGrants", call -> {
      Guard query = Guard.query(queryObject(call, "appType"));
      query.oneOf("appType", List.of("firstParty", "thirdParty"), false);
      query.check();
      return Reply.ok(emptyList("grants"));
    });
    handlers.declare("DeleteUserGrant", call -> {
      throw ApiError.of(404, "oidc.invalid_grant", "Grant request is invalid.");
    });
  }

  /**
   * PUT of one identity: 201 when the target is new for the user, 200 when replaced; another user
   * holding the same external id on the target is a conflict. Answers the user's identities.
   */
  private Reply replaceIdentity(Call call) {
    Guard guard = call.guard();
    String externalId = guard.string("userId", true);
    ObjectNode details = guard.object("details", false);
    guard.check();
    ObjectNode user = store.user(call.param("userId"));
    String target = call.param("target");
    for (ObjectNode other : store.users.values()) {
      JsonNode held = other.get("identities").get(target);
      if (other != user && held != null && externalId.equals(held.path("userId").asText(null))) {
        throw ApiError.of(422, "user.identity_already_in_use",
            "The social account has been associated with an existing account.");
      }
    }
    ObjectNode identities = (ObjectNode) user.get("identities");
    boolean created = !identities.has(target);
    ObjectNode identity = Json.object().put("userId", externalId);
    if (details != null) {
      identity.set("details", details);
    }
    identities.set(target, identity);
    user.set("identities", Json.jsonb(identities));
    user.put("updatedAt", store.now());
    return Reply.json(created ? 201 : 200, user.get("identities"));
  }

  private static JsonNode identity(ObjectNode user, String target) {
    JsonNode identity = user.get("identities").get(target);
    if (identity == null) {
      throw ApiError.of(404, "user.identity_not_exist", "The social account has not been registered yet.");
    }
    return identity;
  }

  private static ObjectNode emptyList(String field) {
    ObjectNode body = Json.object();
    body.putArray(field);
    return body;
  }

  private static ObjectNode queryObject(Call call, String... names) {
    ObjectNode query = Json.object();
    for (String name : names) {
      if (call.query(name) != null) {
        query.put(name, call.query(name));
      }
    }
    return query;
  }

  private static ApiError sessionNotFound() {
    return ApiError.of(404, "oidc.session_not_found", "Session not found.");
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One-time tokens (magic links): add, list (filtered by {@code email} and {@code status}), get,
 * delete, verify (consumes an active token of the same e-mail) and set the status (never back to
 * {@code active}). A token past {@code expiresAt} reads as {@code expired} once it is checked, as in
 * Logto; the default lifetime is two days.
 */
final class OneTimeTokenRoutes {
  static final List<String> STATUSES = List.of("active", "consumed", "revoked", "expired");
  private static final long DEFAULT_LIFETIME_SECONDS = 2L * 24 * 60 * 60;

  private final Store store;

  OneTimeTokenRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("AddOneTimeTokens", this::add);
    handlers.declare("ListOneTimeTokens", call -> {
      String email = call.query("email");
      String status = call.query("status");
      if (status != null && !STATUSES.contains(status)) {
        Guard guard = Guard.query(Json.object().put("status", status));
        guard.oneOf("status", STATUSES, false);
        guard.check();
      }
      List<JsonNode> found = Store.newestFirst(store.oneTimeTokens.values()).stream()
          .filter(token -> email == null || email.equals(token.get("email").asText()))
          .filter(token -> status == null || status.equals(token.get("status").asText()))
          .map(JsonNode.class::cast).toList();
      return Pager.optional(call, found);
    });
    handlers.declare("GetOneTimeToken", call -> Reply.ok(token(call.param("id"))));
    handlers.declare("DeleteOneTimeToken", call -> {
      token(call.param("id"));
      store.oneTimeTokens.remove(call.param("id"));
      return Reply.empty(204);
    });
    handlers.declare("VerifyOneTimeToken", this::verify);
    handlers.declare("ReplaceOneTimeTokenStatus", call -> {
      Guard guard = call.guard();
      String status = guard.oneOf("status", STATUSES, true);
      guard.check();
      ObjectNode token = token(call.param("id"));
      return Reply.ok(setStatus(token, status));
    });
  }

  private Reply add(Call call) {
    Guard guard = call.guard();
    String email = guard.string("email", true);
    Long expiresIn = guard.number("expiresIn", false);
    ObjectNode context = guard.object("context", false);
    if (context != null) {
      Guard inner = guard.within("context", context);
      inner.strings("jitOrganizationIds", false);
      inner.string("interactionEvent", false);
    }
    guard.check();
    if (expiresIn != null && expiresIn < 1) {
      throw ApiError.of(400, "guard.invalid_input", "The request body is invalid.");
    }
    long now = store.now();
    store.oneTimeTokens.values().stream().filter(token -> token.get("email").asText().equals(email))
        .forEach(token -> expireIfDue(token, now));
    ObjectNode token = Json.object();
    token.put("tenantId", Store.TENANT).put("id", store.id(21)).put("email", email).put("token", store.secret());
    token.set("context", context == null ? Json.object() : context.deepCopy());
    token.put("status", "active").put("createdAt", now)
        .put("expiresAt", now + 1000 * (expiresIn == null ? DEFAULT_LIFETIME_SECONDS : expiresIn));
    store.oneTimeTokens.put(token.get("id").asText(), token);
    return Reply.created(token);
  }

  private Reply verify(Call call) {
    Guard guard = call.guard();
    String value = guard.string("token", true);
    String email = guard.string("email", true);
    guard.check();
    ObjectNode token = store.oneTimeTokens.values().stream().filter(t -> t.get("token").asText().equals(value))
        .findFirst().orElseThrow(() -> ApiError.of(404, "one_time_token.token_not_found",
            "Token " + value + " not found."));
    return Reply.ok(consume(token, email));
  }

  /** Checks {@code token} for {@code email} as Logto does and marks it consumed (400 with the reason otherwise). */
  private ObjectNode consume(ObjectNode token, String email) {
    if (!token.get("email").asText().equals(email)) {
      throw ApiError.of(400, "one_time_token.email_mismatch", "Email mismatch with given token.");
    }
    if (expireIfDue(token, store.now()) || token.get("status").asText().equals("expired")) {
      throw ApiError.of(400, "one_time_token.token_expired", "The token is expired.");
    }
    if (token.get("status").asText().equals("consumed")) {
      throw ApiError.of(400, "one_time_token.token_consumed", "The token has been consumed.");
    }
    if (token.get("status").asText().equals("revoked")) {
      throw ApiError.of(400, "one_time_token.token_revoked", "The token has been revoked.");
    }
    return setStatus(token, "consumed");
  }

  private static ObjectNode setStatus(ObjectNode token, String status) {
    if (status.equals("active")) {
      throw ApiError.of(400, "one_time_token.cannot_reactivate_token", "Cannot reactivate the token.");
    }
    token.put("status", status);
    return token;
  }

  // an active token past its expiry becomes expired when looked at; true when it is (or was made) expired
  private static boolean expireIfDue(ObjectNode token, long now) {
    if (token.get("expiresAt").asLong() <= now) {
      if (token.get("status").asText().equals("active")) {
        token.put("status", "expired");
      }
      return true;
    }
    return false;
  }

  private ObjectNode token(String id) {
    ObjectNode token = store.oneTimeTokens.get(id);
    if (token == null) {
      throw ApiError.notExistsWithId("one_time_tokens", id).missing("one_time_tokens", id);
    }
    return token;
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Subject tokens for impersonation ({@code POST /api/subject-tokens}): a {@code sub_...} token for an
 * existing user, valid 600 seconds, kept with its context so tests can see what was issued; the
 * emulator's token endpoint does not exchange it (token exchange is not part of the Management API).
 */
final class SubjectTokenRoutes {
  private static final int LIFETIME_SECONDS = 600;

  private final Store store;

  SubjectTokenRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("CreateSubjectToken", call -> {
      Guard guard = call.guard();
      String userId = guard.string("userId", true);
      ObjectNode context = guard.object("context", false);
      guard.check();
      store.user(userId);
      String token = "sub_" + store.id(21);
      ObjectNode issued = Json.object().put("id", token).put("userId", userId)
          .put("expiresAt", store.now() + LIFETIME_SECONDS * 1000L);
      issued.set("context", context == null ? Json.object() : context.deepCopy());
      store.subjectTokens.put(token, issued);
      return Reply.created(Json.object().put("subjectToken", token).put("expiresIn", LIFETIME_SECONDS));
    });
  }
}

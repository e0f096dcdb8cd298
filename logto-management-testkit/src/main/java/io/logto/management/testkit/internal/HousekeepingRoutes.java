package io.logto.management.testkit.internal;

import java.util.List;
import java.util.Map;

/**
 * The health check ({@code GetStatus}, 204 while the emulator runs) and two deletes whose targets the
 * emulator never holds. {@code DeleteSecret}: vault secrets (third-party
 * tokens) exist only after a social or enterprise sign-in with token storage, which the emulator has
 * not, so every id answers 404 as on a Logto without such sign-ins. {@code DeleteSentinelActivities}:
 * the emulator records no sign-in attempts, so clearing a user's or app's lockout has nothing to
 * remove and answers 204 once the body is valid.
 */
final class HousekeepingRoutes {
  void register(Declarations handlers) {
    handlers.declare("GetStatus", call -> Reply.empty(204));
    handlers.declare("DeleteSecret", call -> {
      throw ApiError.notFound();
    });
    handlers.declare("DeleteSentinelActivities", call -> {
      Guard guard = call.guard();
      guard.oneOf("targetType", List.of("User", "App"), true);
      guard.strings("targets", true);
      guard.check();
      return Reply.empty(204);
    });
  }
}

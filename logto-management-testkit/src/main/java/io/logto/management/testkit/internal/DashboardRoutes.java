package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The console dashboard's counts, from the emulator's state: total users, users created today and in
 * the last seven days (with the change against the period before), and active users. The emulator has
 * no interactive sign-in, so active-user counts are zero, as on a Logto nobody has signed in to. Days
 * are UTC days.
 */
final class DashboardRoutes {
  private static final long DAY = 24L * 60 * 60 * 1000;

  private final Store store;

  DashboardRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("GetTotalUserCount", call -> Reply.ok(Json.object().put("totalUserCount", store.users.size())));
    handlers.declare("GetNewUserCounts", call -> {
      long today = LocalDate.ofInstant(Instant.ofEpochMilli(store.now()), ZoneOffset.UTC).atStartOfDay()
          .toInstant(ZoneOffset.UTC).toEpochMilli();
      ObjectNode answer = Json.object();
      answer.set("today", countAndDelta(today, today + DAY, today - DAY));
      answer.set("last7Days", countAndDelta(today - 6 * DAY, today + DAY, today - 13 * DAY));
      return Reply.ok(answer);
    });
    handlers.declare("GetActiveUserCounts", call -> {
      LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(store.now()), ZoneOffset.UTC);
      String asked = call.query("date");
      if (asked != null) {
        try {
          date = LocalDate.parse(asked);
        } catch (DateTimeParseException e) {
          Guard guard = Guard.query(Json.object().put("date", asked));
          guard.matching("date", java.util.regex.Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$"));
          guard.check();
          throw ApiError.of(400, "guard.invalid_input", "The request query is invalid.");
        }
      }
      ObjectNode answer = Json.object();
      ArrayNode curve = answer.putArray("dauCurve");
      for (int daysBack = 29; daysBack >= 0; daysBack--) {
        curve.add(Json.object().put("date", date.minusDays(daysBack).toString()).put("count", 0));
      }
      for (String period : new String[] {"dau", "wau", "mau"}) {
        answer.set(period, Json.object().put("count", 0).put("delta", 0));
      }
      return Reply.ok(answer);
    });
  }

  // users created in [from, to) and the difference to the same-length period before, starting at previousFrom
  private ObjectNode countAndDelta(long from, long to, long previousFrom) {
    long count = store.users.values().stream().filter(u -> created(u) >= from && created(u) < to).count();
    long previous = store.users.values().stream().filter(u -> created(u) >= previousFrom && created(u) < from).count();
    return Json.object().put("count", count).put("delta", count - previous);
  }

  private static long created(ObjectNode user) {
    return user.path("createdAt").asLong();
  }
}

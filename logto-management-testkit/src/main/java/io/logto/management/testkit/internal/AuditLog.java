package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The audit log Logto keeps in its {@code logs} table, for what the emulator emulates: token
 * exchanges ({@code ExchangeTokenBy.ClientCredentials}) and webhook deliveries
 * ({@code TriggerHook.<event>}). Entries are {@code {tenantId, id, key, payload, createdAt}}, the payload
 * starting with {@code key} and {@code result} as Logto's log entries do. Thread-safe: webhook threads
 * write here while handlers read under the server's lock.
 */
final class AuditLog {
  private final LongSupplier clock;
  private final Supplier<String> ids;
  private final List<ObjectNode> entries = new ArrayList<>();

  AuditLog(LongSupplier clock, Supplier<String> ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /** A payload for a new entry: {@code {key, result: "Success"}}, to which the caller appends. */
  static ObjectNode payload(String key) {
    ObjectNode payload = Json.object();
    payload.put("key", key).put("result", "Success");
    return payload;
  }

  /** Stores an entry with the payload's {@code key}; returns it. */
  synchronized ObjectNode add(ObjectNode payload) {
    ObjectNode entry = Json.object();
    entry.put("tenantId", Store.TENANT).put("id", ids.get()).put("key", payload.get("key").asText());
    entry.set("payload", payload);
    entry.put("createdAt", clock.getAsLong());
    entries.add(entry);
    return entry;
  }

  /** The entries that pass {@code filter}, newest first (Logto orders by {@code createdAt desc}). */
  synchronized List<ObjectNode> newestFirst(Predicate<ObjectNode> filter) {
    List<ObjectNode> found = new ArrayList<>();
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (filter.test(entries.get(i))) {
        found.add(entries.get(i));
      }
    }
    return found;
  }

  /** The {@code TriggerHook.*} entries of a hook from the last 24 hours, newest first (its "recent logs"). */
  List<ObjectNode> recentHookLogs(String hookId) {
    long since = clock.getAsLong() - 24L * 60 * 60 * 1000;
    return newestFirst(entry -> entry.get("key").asText().startsWith("TriggerHook.")
        && hookId.equals(entry.at("/payload/hookId").asText(null)) && entry.get("createdAt").asLong() > since);
  }

  /** The entry with this id (404 {@code entity.not_exists_with_id} otherwise). */
  synchronized ObjectNode get(String id) {
    for (ObjectNode entry : entries) {
      if (entry.get("id").asText().equals(id)) {
        return entry;
      }
    }
    throw ApiError.notExistsWithId("logs", id);
  }
}

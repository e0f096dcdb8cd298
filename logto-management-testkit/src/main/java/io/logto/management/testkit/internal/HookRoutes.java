package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Webhooks: create, list, get, update, delete and a new signing key; execution statistics count the
 * deliveries of the last 24 hours ({@link WebhookDispatcher} sends them, the hook delivery routes
 * test and list them).
 */
final class HookRoutes {
  private static final Set<String> YES = Set.of("true", "1", "yes", "y");

  private final Store store;

  HookRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("ListHooks", call -> {
      String flag = call.query("includeExecutionStats");
      boolean stats = flag != null && YES.contains(flag.toLowerCase(Locale.ROOT));
      List<JsonNode> items = new ArrayList<>();
      for (ObjectNode hook : store.hooks.values()) {
        items.add(stats ? withStats(hook) : hook);
      }
      return Pager.optional(call, items);
    });
    handlers.declare("GetHook", call -> {
      ObjectNode hook = store.hook(call.param("id"));
      // Logto attaches the statistics for any non-empty value here, "false" included
      String stats = call.query("includeExecutionStats");
      return Reply.ok(stats == null || stats.isEmpty() ? hook : withStats(hook));
    });
    handlers.declare("CreateHook", this::create);
    handlers.declare("UpdateHook", this::update);
    handlers.declare("UpdateHookSigningKey", call -> {
      ObjectNode hook = updatable(call.param("id"));
      hook.put("signingKey", store.secret());
      return Reply.ok(hook);
    });
    handlers.declare("DeleteHook", call -> {
      if (store.hooks.remove(call.param("id")) == null) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
  }

  private Reply create(Call call) {
    Guard guard = call.guard();
    String name = guard.optionalName("name");
    String event = guard.oneOf("event", HookInput.EVENTS, false);
    List<String> events = guard.enumSet("events", HookInput.EVENTS, false);
    ObjectNode config = HookInput.config(guard, true);
    Boolean enabled = guard.bool("enabled", false);
    guard.check();
    HookInput.refuseDevOnlyEvent(event, events);
    if (event == null && events == null) {
      throw ApiError.of(400, "hook.missing_events", "You need to provide at least one event.");
    }
    ObjectNode hook = Json.object();
    hook.put("tenantId", Store.TENANT).put("id", store.id(21)).put("name", name == null ? "" : name);
    if (event == null) {
      hook.putNull("event");
    } else {
      hook.put("event", event);
    }
    hook.set("events", Json.strings(events == null ? List.of() : events));
    hook.set("config", config);
    hook.put("signingKey", store.secret()).put("enabled", enabled == null || enabled).put("createdAt", store.now());
    store.hooks.put(hook.get("id").asText(), hook);
    return Reply.created(hook);
  }

  private Reply update(Call call) {
    Guard guard = call.guard();
    String name = guard.optionalName("name");
    JsonNode eventNode = guard.raw().get("event");
    String event = eventNode == null || eventNode.isNull() ? null : guard.oneOf("event", HookInput.EVENTS, false);
    List<String> events = guard.enumSet("events", HookInput.EVENTS, false);
    ObjectNode config = HookInput.config(guard, false);
    Boolean enabled = guard.bool("enabled", false);
    guard.check();
    HookInput.refuseDevOnlyEvent(event, events);
    ObjectNode hook = updatable(call.param("id"));
    if (name != null) {
      hook.put("name", name);
    }
    if (eventNode != null) {
      if (event == null) {
        hook.putNull("event");
      } else {
        hook.put("event", event);
      }
    }
    if (events != null) {
      hook.set("events", Json.strings(events));
    }
    if (config != null) {
      // Logto replaces the whole config object, it does not merge it
      hook.set("config", config);
    }
    if (enabled != null) {
      hook.put("enabled", enabled);
    }
    return Reply.ok(hook);
  }

  // Logto updates without reading the hook first: no row is its update's answer (the not-found rule)
  private ObjectNode updatable(String id) {
    return Store.row(store.hooks, "hooks", id);
  }

  // Logto counts the hook's TriggerHook log entries of the last 24 hours
  private ObjectNode withStats(ObjectNode hook) {
    ObjectNode copy = hook.deepCopy();
    List<ObjectNode> logs = store.auditLog.recentHookLogs(hook.get("id").asText());
    long successes = logs.stream().filter(entry -> "Success".equals(entry.at("/payload/result").asText())).count();
    copy.set("executionStats", Json.object().put("successCount", successes).put("requestCount", logs.size()));
    return copy;
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logto.management.testkit.WebhookDelivery;
import java.util.List;
import java.util.Map;

/**
 * Webhook deliveries: {@code CreateHookTest} POSTs Logto's test payload for each event to the given
 * config synchronously (422 when the endpoint fails, as Logto answers; not logged, as in Logto, but
 * recorded in the emulator's webhook deliveries), and {@code ListHookRecentLogs} pages the hook's
 * {@code TriggerHook.*} log entries of the last 24 hours.
 */
final class HookDeliveryRoutes {
  private final Store store;
  private final WebhookDispatcher dispatcher;

  HookDeliveryRoutes(Store store, WebhookDispatcher dispatcher) {
    this.store = store;
    this.dispatcher = dispatcher;
  }

  void register(Declarations handlers) {
    handlers.declare("CreateHookTest", this::test);
    handlers.declare("ListHookRecentLogs", call -> {
      String logKey = call.query("logKey");
      return Pager.paged(call, store.auditLog.recentHookLogs(call.param("id")).stream()
          .filter(entry -> logKey == null || logKey.equals(entry.get("key").asText()))
          .map(HookDeliveryRoutes::withoutTenant).toList());
    });
  }

  private static ObjectNode withoutTenant(ObjectNode entry) {
    ObjectNode copy = entry.deepCopy();
    copy.remove("tenantId");
    return copy;
  }

  private Reply test(Call call) {
    Guard guard = call.guard();
    List<String> events = guard.enumSet("events", HookInput.EVENTS, true);
    ObjectNode config = HookInput.config(guard, true);
    guard.check();
    HookInput.refuseDevOnlyEvent(null, events);
    String hookId = call.param("id");
    String signingKey = store.hook(hookId).get("signingKey").asText();
    List<ObjectNode> payloads = events.stream().map(event -> testPayload(hookId, event)).toList();
    // the POSTs wait on the endpoint, which may be the emulator itself: they run outside the store's lock
    return Reply.outsideLock(() -> {
      for (ObjectNode payload : payloads) {
        WebhookDelivery delivery = dispatcher.post(hookId, payload.get("event").asText(), config, signingKey, payload);
        store.outbox.delivered(delivery);
        if (delivery.responseStatus() != 0 && !delivery.succeeded()) {
          ObjectNode data = Json.object().put("responseStatus", delivery.responseStatus())
              .put("responseBody", delivery.responseBody());
          throw ApiError.of(422, "hook.endpoint_responded_with_error", "Endpoint responded with error.", data, null);
        }
        if (delivery.responseStatus() == 0) {
          throw ApiError.of(422, "hook.send_test_payload_failed", "Failed to send test payload: " + delivery.error());
        }
      }
      return Reply.empty(204);
    });
  }

  /** Logto's test payload: made-up user and application for interaction events, a made-up request otherwise. */
  private ObjectNode testPayload(String hookId, String event) {
    long now = store.now();
    ObjectNode payload = Json.object();
    payload.put("event", event).put("hookId", hookId).put("createdAt", WebhookDispatcher.isoTime(now))
        .put("userAgent", "fake-user-agent");
    if (List.of("PostRegister", "PostSignIn", "PostResetPassword", "PostSignInAdaptiveMfaTriggered").contains(event)) {
      payload.put("sessionId", "fake-session-id").put("userIp", "fake-user-ip").put("userId", "fake-id");
      ObjectNode user = payload.putObject("user");
      user.put("id", "fake-id").put("username", "fake-user").put("primaryEmail", "fake-user@fake-service.com")
          .put("primaryPhone", "1234567890").put("name", "Fake User")
          .put("avatar", "https://fake-service.com/avatars/fake-user.png");
      user.putObject("customData").put("theme", "light");
      user.putObject("identities").putObject("google").put("userId", "fake-google-user-id");
      user.putObject("profile");
      user.put("applicationId", "fake-application-id").putNull("cimdClientId").put("isSuspended", false)
          .put("lastSignInAt", now).put("createdAt", now).put("updatedAt", now);
      payload.putObject("application").put("id", "fake-spa-application-id").put("type", "SPA")
          .put("name", "Fake Application").put("description", "Fake application data for testing");
    } else {
      payload.put("path", "/fake-path/:id").put("method", "POST").put("status", 200);
      payload.putObject("params").put("id", "fake-id");
      payload.putObject("data").put("result", "success");
    }
    return payload;
  }
}

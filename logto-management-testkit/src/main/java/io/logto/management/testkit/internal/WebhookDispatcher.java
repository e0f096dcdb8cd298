package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.logto.management.testkit.WebhookDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends webhooks as Logto does: after an emulated operation that Logto registers a data event for
 * succeeds, every enabled hook subscribed to the event gets a POST of the event payload (JSON, signed
 * with {@code logto-signature-sha-256}: the hex HMAC-SHA256 of the body keyed with the hook's signing
 * key), retried up to three times on a 5xx, on the emulator's own daemon threads. Each delivery is
 * logged ({@code TriggerHook.<event>}, what the hook's recent logs list) and recorded in the
 * {@link Outbox}. {@code CreateHookTest} sends its test payloads through {@link #post} synchronously.
 */
final class WebhookDispatcher implements AutoCloseable {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String USER_AGENT = "Logto (https://logto.io/)";
  private static final int DEFAULT_RETRIES = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final AtomicInteger DISPATCHERS = new AtomicInteger();

  private final Store store;
  private final ExecutorService executor;
  // made on the first delivery: building an HttpClient sets up TLS (the default SSLContext, the JDK's
  // trust store), about half a second of a cold JVM that an emulator whose hooks never fire should not pay
  private volatile HttpClient client;

  WebhookDispatcher(Store store) {
    this.store = store;
    int number = DISPATCHERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "logto-emulator-webhook-" + number + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  private HttpClient client() {
    HttpClient built = client;
    if (built == null) {
      synchronized (this) {
        built = client;
        if (built == null) {
          built = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
              .executor(executor).followRedirects(HttpClient.Redirect.NEVER).build();
          client = built;
        }
      }
    }
    return built;
  }

  /**
   * After a successful operation (called under the server's lock): builds Logto's data-hook payload and
   * queues a delivery to each enabled hook subscribed to the event.
   *
   * @param event the operation's declared data event, or null when it fires none
   * @param subject the entity the event is about when the answer has no body (the deleted user), or null
   */
  void operationSucceeded(Operation operation, String event, Call call, Reply reply, JsonNode subject, String userAgent,
      String ip) {
    if (event == null || reply.status() >= 300) {
      return;
    }
    ObjectNode payload = Json.object();
    payload.put("event", event).put("createdAt", isoTime(store.now()));
    if (userAgent != null) {
      payload.put("userAgent", userAgent);
    }
    payload.put("ip", ip).put("path", call.rawPath()).put("method", operation.method())
        .put("status", reply.status());
    ObjectNode params = Json.object();
    call.pathParams().forEach(params::put);
    payload.set("params", params);
    payload.put("matchedRoute", operation.pathTemplate().replaceAll("\\{([^}]+)}", ":$1"));
    JsonNode data = subject != null ? subject : reply.body();
    if (data != null) {
      payload.set("data", data.isObject() && data.has("hasPassword") ? userInfo((ObjectNode) data) : data);
    }
    for (ObjectNode hook : store.hooks.values()) {
      if (subscribed(hook, event)) {
        ObjectNode json = payload.deepCopy().put("hookId", hook.get("id").asText());
        ObjectNode config = ((ObjectNode) hook.get("config")).deepCopy();
        String key = hook.get("signingKey").asText();
        try {
          executor.execute(() -> deliverAndLog(hook.get("id").asText(), event, config, key, json));
        } catch (RejectedExecutionException closed) {
          return;
        }
      }
    }
  }

  // Logto's userInfoSelectFields: the user without hasPassword
  private static ObjectNode userInfo(ObjectNode user) {
    ObjectNode copy = user.deepCopy();
    copy.remove("hasPassword");
    return copy;
  }

  private static boolean subscribed(ObjectNode hook, String event) {
    if (!hook.path("enabled").asBoolean(true)) {
      return false;
    }
    JsonNode events = hook.path("events");
    if (events.isArray() && !events.isEmpty()) {
      for (JsonNode each : events) {
        if (each.asText().equals(event)) {
          return true;
        }
      }
      return false;
    }
    // hooks of Logto's first version had a single event
    return event.equals(hook.path("event").asText(null));
  }

  private void deliverAndLog(String hookId, String event, ObjectNode config, String signingKey, ObjectNode json) {
    WebhookDelivery delivery = post(hookId, event, config, signingKey, json);
    ObjectNode log = AuditLog.payload("TriggerHook." + event);
    log.put("hookId", hookId);
    log.set("hookRequest", Json.object().set("body", json));
    if (delivery.responseStatus() != 0) {
      ObjectNode response = Json.object().put("statusCode", delivery.responseStatus());
      response.set("body", parsed(delivery.responseBody()));
      log.set("response", response);
    }
    if (!delivery.succeeded()) {
      log.put("result", "Error").put("error", delivery.responseStatus() != 0
          ? "HTTPError: Request failed with status code " + delivery.responseStatus() : delivery.error());
    }
    store.auditLog.add(log);
    store.outbox.delivered(delivery);
  }

  private static JsonNode parsed(String body) {
    try {
      return Json.parse(body.getBytes(StandardCharsets.UTF_8));
    } catch (ApiError notJson) {
      return TextNode.valueOf(body);
    }
  }

  /**
   * POSTs {@code json} to the hook config's URL with Logto's headers, retrying a 5xx up to the
   * config's {@code retries} (default 3) with Logto's backoff (0.3 s, doubling); returns the outcome.
   */
  WebhookDelivery post(String hookId, String event, ObjectNode config, String signingKey, ObjectNode json) {
    byte[] body = Json.write(json);
    String signature = sign(signingKey, body);
    String payload = new String(body, StandardCharsets.UTF_8);
    Instant sentAt = Instant.ofEpochMilli(store.now());
    long started = System.nanoTime();
    URI url;
    HttpRequest request;
    try {
      url = URI.create(config.path("url").asText());
      request = request(url, config, signature, body);
    } catch (IllegalArgumentException e) {
      return new WebhookDelivery(hookId, event, URI.create("invalid:url"), payload, signature, 0, "",
          "TypeError: Invalid URL", sentAt, Duration.ofNanos(System.nanoTime() - started));
    }
    int retries = config.has("retries") ? config.get("retries").asInt() : DEFAULT_RETRIES;
    int status = 0;
    String responseBody = "";
    String error = "";
    for (int attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0 && !pause(Duration.ofMillis(300L << (attempt - 1)))) {
        break;
      }
      try {
        HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
        status = response.statusCode();
        responseBody = response.body();
        error = "";
        if (status < 500) {
          break;
        }
      } catch (HttpTimeoutException e) {
        error = "TimeoutError: Request timed out: POST " + url;
        break;
      } catch (IOException e) {
        // what Node's fetch reports for a refused or reset connection
        error = "TypeError: fetch failed";
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error = "AbortError: the emulator stopped";
        break;
      }
    }
    return new WebhookDelivery(hookId, event, url, payload, signature, error.isEmpty() ? status : 0,
        error.isEmpty() ? responseBody : "", error, sentAt, Duration.ofNanos(System.nanoTime() - started));
  }

  private static HttpRequest request(URI url, ObjectNode config, String signature, byte[] body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(TIMEOUT)
        .header("User-Agent", USER_AGENT).header("Content-Type", "application/json");
    for (Map.Entry<String, JsonNode> header : config.path("headers").properties()) {
      builder.setHeader(header.getKey(), header.getValue().asText());
    }
    return builder.header("logto-signature-sha-256", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The hex HMAC-SHA256 of {@code body} keyed with the hook's signing key. */
  static String sign(String signingKey, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static String isoTime(long epochMillis) {
    return ISO_MILLIS.format(Instant.ofEpochMilli(epochMillis));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}

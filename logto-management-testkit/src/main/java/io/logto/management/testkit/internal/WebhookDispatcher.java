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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * key), once (no retry after a 5xx, as in Logto 1.42), on the emulator's own daemon threads. Each delivery is
 * logged ({@code TriggerHook.<event>}, what the hook's recent logs list) and recorded in the
 * {@link Outbox}. {@code CreateHookTest} sends its test payloads through {@link #post} synchronously.
 */
final class WebhookDispatcher implements AutoCloseable {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String USER_AGENT = "Logto (https://logto.io/)";
  /** What Node's fetch (undici) adds to each request Logto sends. */
  private static final Map<String, String> FETCH_HEADERS = Map.of("accept", "*/*", "accept-language", "*",
      "sec-fetch-mode", "cors", "accept-encoding", "gzip, deflate");
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
   * After an operation answered (called under the server's lock): when it succeeded, builds Logto's
   * data-hook payloads for it (the operation's {@link DataHookPayloads.Rule}) and queues one delivery of
   * each to every enabled hook subscribed to its event.
   *
   * @param payloads what the operation's payload rule read before the handler ran
   */
  void operationSucceeded(Declarations.Declaration declaration, DataHookPayloads.Pending payloads, Call call,
      Reply reply, String userAgent, String ip) {
    if (reply.status() >= 300) {
      return;
    }
    List<ObjectNode> built = new ArrayList<>();
    payloads.build(new DataHookPayloads.Succeeded(declaration.operation(), declaration.event(), call, reply,
        isoTime(store.now()), userAgent, ip), built);
    for (ObjectNode payload : built) {
      String event = payload.get("event").asText();
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
   * POSTs {@code json} to the hook config's URL with Logto's headers, once: Logto 1.42 sends with ky, whose
   * retries never repeat a POST, so a 5xx is final whatever the config's {@code retries} says.
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
    int status = 0;
    String responseBody = "";
    String error = "";
    try {
      HttpResponse<byte[]> response = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
      status = response.statusCode();
      responseBody = ResponseText.of(response);
    } catch (HttpTimeoutException e) {
      error = "TimeoutError: Request timed out: POST " + url;
    } catch (IOException e) {
      // what Node's fetch reports for a refused or reset connection
      error = "TypeError: fetch failed";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "AbortError: the emulator stopped";
    }
    return new WebhookDelivery(hookId, event, url, payload, signature, error.isEmpty() ? status : 0,
        error.isEmpty() ? responseBody : "", error, sentAt, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Logto's request: {@code user-agent}, then the hook's {@code config.headers} (which may replace it), then
   * the signature; {@code content-type} from ky's {@code json} option unless a config header set one; and
   * the headers Node's fetch adds to every request ({@code accept}, {@code accept-language},
   * {@code sec-fetch-mode}, {@code accept-encoding}). A config header the JDK will not send (such as
   * {@code Host}) is left out.
   */
  private static HttpRequest request(URI url, ObjectNode config, String signature, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("user-agent", USER_AGENT);
    for (Map.Entry<String, JsonNode> header : config.path("headers").properties()) {
      headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().asText());
    }
    headers.put("logto-signature-sha-256", signature);
    headers.putIfAbsent("content-type", "application/json");
    FETCH_HEADERS.forEach(headers::putIfAbsent);
    HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(TIMEOUT);
    headers.forEach((name, value) -> {
      try {
        builder.setHeader(name, value);
      } catch (IllegalArgumentException restricted) {
        // a header the JDK's client manages itself (Host, Content-Length, Connection...)
      }
    });
    return builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
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

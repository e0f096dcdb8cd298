package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class WebhookDeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer endpoint = endpoint();

  private record Received(String path, String signature, String userAgent, String custom, String body) {}

  private HttpServer endpoint() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("logto-signature-sha-256"),
            exchange.getRequestHeaders().getFirst("User-Agent"), exchange.getRequestHeaders().getFirst("X-Custom"), body));
        int status = exchange.getRequestURI().getPath().endsWith("/missing") ? 404 : 200;
        byte[] answer = (status == 404 ? "nobody here" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stopEndpoint() {
    endpoint.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + endpoint.getAddress().getPort() + path;
  }

  private JsonNode hook(String events, String path) {
    Http.Answer created = http.post("/hooks", "{\"name\":\"h\",\"events\":" + events + ",\"config\":{\"url\":\"" + url(path)
        + "\",\"headers\":{\"X-Custom\":\"yes\"}}}");
    assertThat(created.status()).isEqualTo(201);
    return created.body();
  }

  @Test
  void creatingAUserPostsASignedUserCreatedEventToEverySubscribedHook() throws Exception {
    JsonNode hook = hook("[\"User.Created\",\"User.Deleted\"]", "/in");
    hook("[\"Role.Created\"]", "/roles");
    String userId = http.post("/users", "{\"username\":\"hooked\"}").body().get("id").asText();

    List<WebhookDelivery> deliveries = logto.awaitWebhookDeliveries(1, WAIT);

    assertThat(deliveries).hasSize(1);
    WebhookDelivery delivery = deliveries.get(0);
    assertThat(delivery.event()).isEqualTo("User.Created");
    assertThat(delivery.hookId()).isEqualTo(hook.get("id").asText());
    assertThat(delivery.responseStatus()).isEqualTo(200);
    assertThat(delivery.succeeded()).isTrue();
    assertThat(received).hasSize(1);
    Received request = received.get(0);
    assertThat(request.body()).isEqualTo(delivery.payload());
    assertThat(request.signature()).isEqualTo(hmac(hook.get("signingKey").asText(), request.body()))
        .isEqualTo(delivery.signature());
    assertThat(request.userAgent()).isEqualTo("Logto (https://logto.io/)");
    assertThat(request.custom()).isEqualTo("yes");
    JsonNode payload = Http.JSON.readTree(request.body());
    assertThat(payload.get("event").asText()).isEqualTo("User.Created");
    assertThat(payload.get("hookId").asText()).isEqualTo(hook.get("id").asText());
    assertThat(payload.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(payload.get("method").asText()).isEqualTo("POST");
    assertThat(payload.get("status").asInt()).isEqualTo(200);
    assertThat(payload.at("/data/id").asText()).isEqualTo(userId);
    // the route's answer as Logto sends it (hasPassword included); only User.Deleted carries the public fields
    assertThat(payload.get("data").has("hasPassword")).isTrue();

    http.delete("/users/" + userId);
    List<WebhookDelivery> both = logto.awaitWebhookDeliveries(2, WAIT);
    assertThat(both).extracting(WebhookDelivery::event).containsExactly("User.Created", "User.Deleted");
    JsonNode deleted = Http.JSON.readTree(both.get(1).payload());
    assertThat(deleted.at("/data/username").asText()).isEqualTo("hooked");
    assertThat(deleted.at("/params/userId").asText()).isEqualTo(userId);
    assertThat(deleted.get("data").has("hasPassword")).isFalse();
  }

  @Test
  void aDisabledHookGetsNothingAndRecentLogsListTheDeliveries() {
    JsonNode hook = hook("[\"Role.Created\"]", "/in");
    JsonNode disabled = hook("[\"Role.Created\"]", "/off");
    http.patch("/hooks/" + disabled.get("id").asText(), "{\"enabled\":false}");

    http.post("/roles", "{\"name\":\"r1\",\"description\":\"d\"}");
    assertThat(logto.awaitWebhookDeliveries(1, WAIT)).hasSize(1);

    Http.Answer logs = http.get("/hooks/" + hook.get("id").asText() + "/recent-logs");
    assertThat(logs.status()).isEqualTo(200);
    assertThat(logs.header("Total-Number")).isEqualTo("1");
    JsonNode entry = logs.body().get(0);
    assertThat(entry.has("tenantId")).isFalse();
    assertThat(entry.get("key").asText()).isEqualTo("TriggerHook.Role.Created");
    assertThat(entry.at("/payload/result").asText()).isEqualTo("Success");
    assertThat(entry.at("/payload/response/statusCode").asInt()).isEqualTo(200);
    assertThat(entry.at("/payload/response/body/ok").asBoolean()).isTrue();
    assertThat(entry.at("/payload/hookRequest/body/event").asText()).isEqualTo("Role.Created");
    assertThat(http.get("/hooks/" + disabled.get("id").asText() + "/recent-logs").body()).isEmpty();
    assertThat(http.get("/hooks/" + hook.get("id").asText() + "?includeExecutionStats=true").body()
        .get("executionStats").toString()).isEqualTo("{\"successCount\":1,\"requestCount\":1}");
    assertThat(http.get("/logs?logKey=TriggerHook.Role.Created").body()).hasSize(1);
  }

  @Test
  void aFailingEndpointIsLoggedAsAnError() {
    JsonNode hook = hook("[\"Role.Created\"]", "/missing");
    http.post("/roles", "{\"name\":\"r2\",\"description\":\"d\"}");

    WebhookDelivery delivery = logto.awaitWebhookDeliveries(1, WAIT).get(0);

    assertThat(delivery.responseStatus()).isEqualTo(404);
    assertThat(delivery.responseBody()).isEqualTo("nobody here");
    JsonNode entry = http.get("/hooks/" + hook.get("id").asText() + "/recent-logs").body().get(0);
    assertThat(entry.at("/payload/result").asText()).isEqualTo("Error");
    assertThat(entry.at("/payload/response/body").asText()).isEqualTo("nobody here");
  }

  @Test
  void testingAHookPostsTheTestPayloadAndReportsTheEndpointsAnswer() {
    String id = hook("[\"User.Created\"]", "/in").get("id").asText();

    Http.Answer ok = http.post("/hooks/" + id + "/test",
        "{\"events\":[\"User.Created\",\"PostSignIn\"],\"config\":{\"url\":\"" + url("/in") + "\"}}");
    assertThat(ok.status()).isEqualTo(204);
    assertThat(received).hasSize(2);
    assertThat(logto.webhookDeliveries()).extracting(WebhookDelivery::event).containsExactly("User.Created", "PostSignIn");
    assertThat(received.get(1).body()).contains("\"sessionId\":\"fake-session-id\"");

    Http.Answer notFound = http.post("/hooks/" + id + "/test",
        "{\"events\":[\"User.Created\"],\"config\":{\"url\":\"" + url("/missing") + "\"}}");
    assertThat(notFound.status()).isEqualTo(422);
    assertThat(notFound.code()).isEqualTo("hook.endpoint_responded_with_error");
    assertThat(notFound.body().get("data").toString())
        .isEqualTo("{\"responseStatus\":404,\"responseBody\":\"nobody here\"}");

    endpoint.stop(0);
    Http.Answer refused = http.post("/hooks/" + id + "/test",
        "{\"events\":[\"User.Created\"],\"config\":{\"url\":\"" + url("/in") + "\"}}");
    assertThat(refused.code()).isEqualTo("hook.send_test_payload_failed");
    assertThat(refused.body().get("message").asText()).isEqualTo("Failed to send test payload: TypeError: fetch failed");

    // tests are not logged, as in Logto
    assertThat(http.get("/hooks/" + id + "/recent-logs").body()).isEmpty();
    assertThat(http.post("/hooks/nope/test", "{\"events\":[\"User.Created\"],\"config\":{\"url\":\"" + url("/in")
        + "\"}}").code()).isEqualTo("entity.not_exists_with_id");
    assertThat(http.post("/hooks/" + id + "/test", "{\"events\":[]}").code()).isEqualTo("guard.invalid_input");
  }

  @Test
  void aHookTestCanCallTheEmulatorItself() {
    String id = hook("[\"User.Created\"]", "/in").get("id").asText();
    // the endpoint is an operation of the emulator, which answers it under the store's lock: the test
    // call must not hold that lock while it waits (the organization guard refuses the test payload)
    String self = logto.baseUrl() + "/api/organizations";

    Http.Answer answer = http.post("/hooks/" + id + "/test", "{\"events\":[\"User.Created\"],\"config\":{\"url\":\""
        + self + "\",\"headers\":{\"Authorization\":\"Bearer " + http.token() + "\"}}}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.code()).isEqualTo("hook.endpoint_responded_with_error");
    assertThat(answer.body().at("/data/responseStatus").asInt()).isEqualTo(400);
    assertThat(answer.body().at("/data/responseBody").asText()).contains("guard.invalid_input");
    assertThat(logto.requestCount("CreateOrganization")).isEqualTo(1);
  }

  @Test
  void tokenRequestsAreInTheAuditLog() {
    http.token();
    Http.Answer logs = http.get("/logs?logKey=ExchangeTokenBy.ClientCredentials");

    assertThat(logs.status()).isEqualTo(200);
    JsonNode entry = logs.body().get(0);
    assertThat(entry.at("/payload/applicationId").asText()).isEqualTo(logto.defaultClient().clientId());
    assertThat(entry.at("/payload/params/client_secret").asText()).isEqualTo("******");
    assertThat(entry.at("/payload/scope").asText()).isEqualTo("all");
    assertThat(entry.at("/payload/applicationSecret/name").asText()).isEqualTo("Default secret");
    assertThat(entry.toString()).doesNotContain(logto.defaultClient().clientSecret());
    assertThat(http.get("/logs/" + entry.get("id").asText()).body()).isEqualTo(entry);
    assertThat(http.get("/logs?applicationId=someone-else").body()).isEmpty();
    assertThat(http.get("/logs/missing").code()).isEqualTo("entity.not_exists_with_id");
  }

  private static String hmac(String key, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}

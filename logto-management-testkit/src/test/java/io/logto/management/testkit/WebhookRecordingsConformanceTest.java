package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The emulator's webhook deliveries against the real ones of Logto 1.42 in {@code ../shared/logto/webhooks}:
 * the same calls, on the recording's clock, must give deliveries with the same headers (names and the
 * values that do not depend on the key or body), the same payload shape (keys in the same order, value
 * types recursively) and recent-log entries of the same shape.
 */
final class WebhookRecordingsConformanceTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  /** Headers whose recorded value every delivery repeats (the signature and the length depend on the body). */
  private static final List<String> FIXED_HEADERS = List.of("user-agent", "content-type", "x-custom", "accept",
      "accept-language", "sec-fetch-mode", "accept-encoding");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T00:42:29Z"));
  private final LogtoEmulator logto = LogtoEmulator.builder().clock(clock).start();
  private final Http http = new Http(logto);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpServer endpoint = endpoint();
  private final AtomicInteger failedAttempts = new AtomicInteger();

  private static final String DATA_EVENTS = "[\"User.Created\",\"Organization.Created\",\"Organization.Deleted\","
      + "\"Organization.Membership.Updated\",\"OrganizationRole.Created\",\"OrganizationRole.Deleted\","
      + "\"OrganizationRole.Data.Updated\",\"OrganizationRole.Scopes.Updated\",\"OrganizationScope.Created\","
      + "\"OrganizationScope.Deleted\",\"OrganizationScope.Data.Updated\"]";

  private record Received(Map<String, String> headers, String body) {}

  private static Path folder() {
    String shared = System.getProperty("logto.shared.dir");
    Path folder = shared == null ? null : Path.of(shared, "logto", "webhooks");
    Assumptions.assumeTrue(folder != null && Files.isDirectory(folder),
        "skipped: ../shared/logto/webhooks not found (system property logto.shared.dir = " + shared + ")");
    return folder;
  }

  private HttpServer endpoint() {
    return loopback(exchange -> {
      Map<String, String> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
          String.join(",", values)));
      received.add(new Received(headers,
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      // the recording's receiver answered 200 with no body
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
  }

  private static HttpServer loopback(HttpHandler handler) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", handler);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    endpoint.stop(0);
    logto.close();
  }

  @Test
  void deliveriesMatchTheRecordedOnesEventByEvent() throws IOException {
    String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
    JsonNode hookAnswer = recordedHook().get("createHookAnswer");
    JsonNode hook = http.post("/hooks", "{\"name\":\"wh-rec\",\"events\":" + hookAnswer.get("events")
        + ",\"config\":{\"url\":\"" + url + "\",\"headers\":{\"X-Custom\":\"v1\"}}}").body();
    String hookId = hook.get("id").asText();

    List<Received> sent = new ArrayList<>();
    String userId = step(sent, () -> http.post("/users",
        "{\"username\":\"whuser17489\",\"primaryEmail\":\"wh17489@example.org\",\"name\":\"Wh User\"}")).get("id").asText();
    step(sent, () -> http.patch("/users/" + userId, "{\"name\":\"Wh User 2\",\"customData\":{\"plan\":\"pro\"}}"));
    step(sent, () -> http.patch("/users/" + userId + "/custom-data", "{\"customData\":{\"plan\":\"team\"}}"));
    step(sent, () -> http.patch("/users/" + userId + "/is-suspended", "{\"isSuspended\":true}"));
    step(sent, () -> http.patch("/users/" + userId + "/password", "{\"password\":\"Wh-pass-17489!\"}"));
    String resourceId = http.post("/resources", "{\"name\":\"wh-api\",\"indicator\":\"https://wh.example.org\"}")
        .body().get("id").asText();
    String scopeId = step(sent, () -> http.post("/resources/" + resourceId + "/scopes",
        "{\"name\":\"read:wh\",\"description\":\"read\"}")).get("id").asText();
    step(sent, () -> http.patch("/resources/" + resourceId + "/scopes/" + scopeId, "{\"description\":\"read it\"}"));
    String roleId = step(sent, () -> http.post("/roles", "{\"name\":\"wh-role17489\",\"description\":\"d\"}"))
        .get("id").asText();
    step(sent, () -> http.patch("/roles/" + roleId, "{\"description\":\"d2\"}"));
    step(sent, () -> http.post("/roles/" + roleId + "/scopes", "{\"scopeIds\":[\"" + scopeId + "\"]}"));
    String organizationId = step(sent, () -> http.post("/organizations", "{\"name\":\"wh-org17489\"}"))
        .get("id").asText();
    step(sent, () -> http.patch("/organizations/" + organizationId, "{\"description\":\"org d\"}"));
    step(sent, () -> http.delete("/roles/" + roleId));
    step(sent, () -> http.delete("/resources/" + resourceId + "/scopes/" + scopeId));
    step(sent, () -> http.delete("/users/" + userId));
    int before = received.size();
    assertThat(http.post("/hooks/" + hookId + "/test",
        "{\"events\":[\"PostSignIn\"],\"config\":{\"url\":\"" + url + "\"}}").status()).isEqualTo(204);
    assertThat(received).hasSize(before + 1);
    sent.add(received.get(before));

    Map<String, Iterator<Received>> byEvent = new HashMap<>();
    Map<String, List<Received>> lists = new HashMap<>();
    for (Received delivery : sent) {
      lists.computeIfAbsent(Http.JSON.readTree(delivery.body()).get("event").asText(), e -> new ArrayList<>())
          .add(delivery);
    }
    lists.forEach((event, deliveries) -> byEvent.put(event, deliveries.iterator()));

    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (Path file : recordedFiles()) {
      JsonNode recorded = Http.JSON.readTree(file.toFile());
      JsonNode recordedBody = Http.JSON.readTree(recorded.at("/request/body").asText());
      String event = recordedBody.get("event").asText();
      Iterator<Received> mine = byEvent.get(event);
      if (mine == null || !mine.hasNext()) {
        problems.add(file.getFileName() + ": the emulator sent no " + event);
        continue;
      }
      compare(file.getFileName().toString(), recorded, recordedBody, mine.next(), problems);
      compared++;
    }
    assertThat(problems).isEmpty();
    assertThat(compared).isEqualTo(recordedFiles().size());

    // the hook's recent logs keep each delivery as Logto logs it
    for (JsonNode recordedLog : recordedHook().get("recentLogs")) {
      String key = recordedLog.get("key").asText();
      JsonNode logs = http.get("/hooks/" + hookId + "/recent-logs?logKey=" + key).body();
      assertThat(logs).as(key).hasSize(1);
      assertThat(JsonShape.differences(recordedLog, logs.get(0))).as(key).isEmpty();
    }
    assertThat(http.get("/hooks/" + hookId + "?includeExecutionStats=true").body().get("executionStats").toString())
        .isEqualTo("{\"successCount\":15,\"requestCount\":15}");
  }

  private void compare(String file, JsonNode recorded, JsonNode recordedBody, Received mine, List<String> problems)
      throws IOException {
    JsonNode body = Http.JSON.readTree(mine.body());
    // ids differ between two servers; the route templates and the call's method and status do not
    for (String field : List.of("matchedRoute", "method", "status")) {
      if (recordedBody.has(field) && !recordedBody.get(field).equals(body.get(field))) {
        problems.add(file + ": " + field + " is " + body.get(field) + ", recorded " + recordedBody.get(field));
      }
    }
    if (body.has("path") && body.has("matchedRoute")) {
      String expected = body.get("matchedRoute").asText();
      for (Map.Entry<String, JsonNode> param : body.get("params").properties()) {
        expected = expected.replace(":" + param.getKey(), param.getValue().asText());
      }
      if (!expected.equals(body.get("path").asText())) {
        problems.add(file + ": path " + body.get("path") + " is not its route " + expected);
      }
    }
    JsonShape.differences(recordedBody, body).forEach(difference -> problems.add(file + ": " + difference));
    List<String> recordedOrder = new ArrayList<>();
    recordedBody.fieldNames().forEachRemaining(recordedOrder::add);
    List<String> order = new ArrayList<>();
    body.fieldNames().forEachRemaining(order::add);
    if (!order.equals(recordedOrder)) {
      problems.add(file + ": fields in the order " + order + ", recorded " + recordedOrder);
    }
    JsonNode recordedHeaders = recorded.at("/request/headers");
    List<String> recordedNames = new ArrayList<>();
    recordedHeaders.fieldNames().forEachRemaining(recordedNames::add);
    List<String> names = new ArrayList<>(mine.headers().keySet());
    names.removeAll(List.of("host", "connection"));
    if (!new TreeSet<>(names).equals(new TreeSet<>(recordedNames))) {
      problems.add(file + ": headers " + new TreeSet<>(names) + ", recorded "
          + new TreeSet<>(recordedNames));
    }
    for (String header : FIXED_HEADERS) {
      String expected = recordedHeaders.path(header).asText(null);
      if (expected != null && !expected.equals(mine.headers().get(header))) {
        problems.add(file + ": header " + header + " is " + mine.headers().get(header) + ", recorded " + expected);
      }
    }
    if (!String.valueOf(mine.headers().get("content-length")).equals(String.valueOf(
        mine.body().getBytes(StandardCharsets.UTF_8).length))) {
      problems.add(file + ": content-length does not match the body");
    }
  }

  /** Runs one call that emits one event and waits for its delivery, so deliveries pair with the recording's. */
  private JsonNode step(List<Received> sent, Supplier<Http.Answer> call) {
    return step(sent, List.of(), call);
  }

  /**
   * Runs a call that emits one event per name in {@code queueOrder} (or one when empty) and waits for them;
   * several deliveries of one call arrive in any order (so they do in Logto): they are put back in the
   * order Logto queues them.
   */
  private JsonNode step(List<Received> sent, List<String> queueOrder, Supplier<Http.Answer> call) {
    int events = Math.max(1, queueOrder.size());
    int before = logto.webhookDeliveries().size();
    clock.advance(Duration.ofMillis(250));
    Http.Answer answer = call.get();
    assertThat(answer.status()).as("answer %s", answer.body()).isLessThan(300);
    assertThat(logto.awaitWebhookDeliveries(before + events, WAIT)).hasSize(before + events);
    List<Received> latest = new ArrayList<>(received.subList(received.size() - events, received.size()));
    latest.sort(Comparator.comparingInt(delivery -> queueOrder.indexOf(event(delivery))));
    sent.addAll(latest);
    return answer.body();
  }

  private static String event(Received delivery) {
    try {
      return Http.JSON.readTree(delivery.body()).get("event").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void eventsHeldBackFromTheRecordingsHaveTheFieldsLogtosSourceGivesThem() throws IOException {
    String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
    http.post("/hooks", "{\"name\":\"all\",\"events\":" + DATA_EVENTS + ",\"config\":{\"url\":\"" + url + "\"}}");
    List<Received> sent = new ArrayList<>();
    String u1 = http.post("/users", "{\"username\":\"m1\"}").body().get("id").asText();
    String u2 = http.post("/users", "{\"username\":\"m2\"}").body().get("id").asText();
    String app = http.post("/applications", "{\"name\":\"m2m\",\"type\":\"MachineToMachine\"}").body()
        .get("id").asText();
    logto.awaitWebhookDeliveries(2, WAIT);
    String org = http.post("/organizations", "{\"name\":\"held\"}").body().get("id").asText();
    logto.awaitWebhookDeliveries(3, WAIT);
    String base = "event createdAt userAgent ip path method status params matchedRoute ";
    Map<String, String> expected = new LinkedHashMap<>();

    step(sent, () -> http.post("/organizations/" + org + "/users", "{\"userIds\":[\"" + u1 + "\",\"" + u1 + "\"]}"));
    expected.put("POST users", base + "organizationId addedUserIds hookId");
    step(sent, () -> http.put("/organizations/" + org + "/users", "{\"userIds\":[\"" + u2 + "\"]}"));
    expected.put("PUT users", base + "organizationId addedUserIds removedUserIds hookId");
    step(sent, () -> http.delete("/organizations/" + org + "/users/" + u2));
    expected.put("DELETE user", base + "organizationId removedUserIds hookId");
    step(sent, () -> http.post("/organizations/" + org + "/applications", "{\"applicationIds\":[\"" + app + "\"]}"));
    expected.put("POST applications", base + "organizationId addedApplicationIds hookId");
    step(sent, () -> http.post("/organizations/" + org + "/applications", "{\"applicationIds\":[\"" + app + "\"]}"));
    expected.put("POST applications again", base + "organizationId hookId");
    String scope = step(sent, () -> http.post("/organization-scopes", "{\"name\":\"read:held\"}")).get("id").asText();
    expected.put("OrganizationScope.Created", base + "data hookId");
    step(sent, () -> http.patch("/organization-scopes/" + scope, "{\"description\":\"d\"}"));
    expected.put("OrganizationScope.Data.Updated", base + "data hookId");
    String role = step(sent, List.of("OrganizationRole.Scopes.Updated", "OrganizationRole.Created"), () -> http.post("/organization-roles",
        "{\"name\":\"held\",\"organizationScopeIds\":[\"" + scope + "\"]}")).get("id").asText();
    expected.put("OrganizationRole.Scopes.Updated on create", base + "organizationRoleId hookId");
    expected.put("OrganizationRole.Created", base + "data hookId");
    step(sent, () -> http.patch("/organization-roles/" + role, "{\"description\":\"d\"}"));
    expected.put("OrganizationRole.Data.Updated", base + "data hookId");
    step(sent, () -> http.put("/organization-roles/" + role + "/scopes", "{\"organizationScopeIds\":[]}"));
    expected.put("PUT role scopes", base + "hookId");
    step(sent, () -> http.post("/organization-roles/" + role + "/scopes", "{\"organizationScopeIds\":[\"" + scope + "\"]}"));
    expected.put("POST role scopes", base + "hookId");
    step(sent, () -> http.delete("/organization-roles/" + role + "/scopes/" + scope));
    expected.put("DELETE role scope", base + "hookId");
    step(sent, () -> http.delete("/organization-roles/" + role));
    expected.put("OrganizationRole.Deleted", base + "hookId");
    step(sent, () -> http.delete("/organization-scopes/" + scope));
    expected.put("OrganizationScope.Deleted", base + "hookId");
    step(sent, () -> http.delete("/organizations/" + org));
    expected.put("Organization.Deleted", base + "hookId");

    List<String> problems = new ArrayList<>();
    Iterator<Received> deliveries = sent.iterator();
    for (Map.Entry<String, String> call : expected.entrySet()) {
      JsonNode body = Http.JSON.readTree(deliveries.next().body());
      List<String> fields = new ArrayList<>();
      body.fieldNames().forEachRemaining(fields::add);
      if (!String.join(" ", fields).equals(call.getValue())) {
        problems.add(call.getKey() + " (" + body.get("event").asText() + "): " + fields);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(Http.JSON.readTree(sent.get(0).body()).get("addedUserIds").toString()).isEqualTo("[\"" + u1 + "\"]");
    assertThat(Http.JSON.readTree(sent.get(0).body()).get("status").asInt()).isEqualTo(201);
    JsonNode replaced = Http.JSON.readTree(sent.get(1).body());
    assertThat(replaced.get("addedUserIds").toString()).isEqualTo("[\"" + u2 + "\"]");
    assertThat(replaced.get("removedUserIds").toString()).isEqualTo("[\"" + u1 + "\"]");
    assertThat(replaced.get("status").asInt()).isEqualTo(204);
    assertThat(Http.JSON.readTree(sent.get(7).body()).get("organizationRoleId").asText()).isEqualTo(role);
    assertThat(Http.JSON.readTree(sent.get(7).body()).get("event").asText()).isEqualTo("OrganizationRole.Scopes.Updated");
  }

  @Test
  void anAcceptedInvitationIsAMembershipEventAndARevokedOneIsNone() throws IOException {
    String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
    http.post("/hooks", "{\"name\":\"m\",\"events\":[\"Organization.Membership.Updated\"],\"config\":{\"url\":\""
        + url + "\"}}");
    String org = http.post("/organizations", "{\"name\":\"invites\"}").body().get("id").asText();
    String user = http.post("/users", "{\"username\":\"invited\",\"primaryEmail\":\"invited@example.org\"}").body()
        .get("id").asText();
    long expiresAt = clock.instant().plus(Duration.ofDays(1)).toEpochMilli();
    String accepted = invitation(org, "invited@example.org", expiresAt);
    String revoked = invitation(org, "other@example.org", expiresAt);
    List<Received> sent = new ArrayList<>();

    assertThat(http.put("/organization-invitations/" + revoked + "/status", "{\"status\":\"Revoked\"}").status())
        .isEqualTo(200);
    step(sent, () -> http.put("/organization-invitations/" + accepted + "/status",
        "{\"status\":\"Accepted\",\"acceptedUserId\":\"" + user + "\"}"));

    assertThat(sent).hasSize(1);
    JsonNode body = Http.JSON.readTree(sent.get(0).body());
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(String.join(" ", fields)).isEqualTo("event createdAt userAgent ip path method status params matchedRoute "
        + "organizationId addedUserIds hookId");
    assertThat(body.get("status").asInt()).isEqualTo(200);
    assertThat(body.get("matchedRoute").asText()).isEqualTo("/organization-invitations/:id/status");
    assertThat(body.get("organizationId").asText()).isEqualTo(org);
    assertThat(body.get("addedUserIds").toString()).isEqualTo("[\"" + user + "\"]");
    assertThat(logto.webhookDeliveries()).hasSize(1);
  }

  private String invitation(String org, String invitee, long expiresAt) {
    return http.post("/organization-invitations", "{\"invitee\":\"" + invitee + "\",\"organizationId\":\"" + org
        + "\",\"expiresAt\":" + expiresAt + "}").body().get("id").asText();
  }

  @Test
  void aFailingEndpointGetsOneAttemptWhateverTheRetriesAndTheLogRecordsTheError() {
    HttpServer failing = failingEndpoint();
    try {
      String url = "http://127.0.0.1:" + failing.getAddress().getPort() + "/hook";
      String hookId = http.post("/hooks", "{\"name\":\"f\",\"events\":[\"Role.Created\"],\"config\":{\"url\":\""
          + url + "\",\"retries\":3}}").body().get("id").asText();

      http.post("/roles", "{\"name\":\"fails\",\"description\":\"d\"}");
      WebhookDelivery delivery = logto.awaitWebhookDeliveries(1, WAIT).get(0);

      assertThat(delivery.responseStatus()).isEqualTo(500);
      assertThat(failedAttempts).hasValue(1);
      JsonNode entry = http.get("/hooks/" + hookId + "/recent-logs").body().get(0);
      assertThat(entry.at("/payload/result").asText()).isEqualTo("Error");
      assertThat(entry.at("/payload/response/statusCode").asInt()).isEqualTo(500);
      assertThat(entry.at("/payload/error").asText()).isEqualTo("HTTPError: Request failed with status code 500");
      assertThat(http.get("/hooks/" + hookId + "?includeExecutionStats=true").body().get("executionStats").toString())
          .isEqualTo("{\"successCount\":0,\"requestCount\":1}");
      // no attempt comes later: the delivery above was the only one, and the log holds one entry
      assertThat(http.get("/hooks/" + hookId + "/recent-logs").body()).hasSize(1);
      assertThat(failedAttempts).hasValue(1);
    } finally {
      failing.stop(0);
    }
  }

  private HttpServer failingEndpoint() {
    return loopback(exchange -> {
      exchange.getRequestBody().readAllBytes();
      failedAttempts.incrementAndGet();
      byte[] answer = "{\"message\":\"down\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(500, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
  }

  private List<Path> recordedFiles() throws IOException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(file -> file.getFileName().toString().matches("\\d+-.*\\.json")).sorted().toList();
    }
  }

  private JsonNode recordedHook() throws IOException {
    return Http.JSON.readTree(folder().resolve("hook.json").toFile());
  }
}

package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays the real Logto recordings of {@code ../shared/logto/recordings} in order against the emulator
 * and checks status, Logto error code, the headers that matter and the JSON shape of every answer to a
 * supported operation. Recorded ids are mapped to the emulator's as entities get created.
 */
final class RecordingConformanceTest {
  /** The machine-to-machine app the recordings were made with (the emulator's default client stands in). */
  private static final String RECORDED_CLIENT_ID = "jx9af1eghf4sim294fqro";

  private final Map<String, String> ids = new LinkedHashMap<>();
  private LogtoEmulator logto;
  private Http http;
  private ClientCredentials noRoleApp;
  private String noRoleToken;

  @Test
  void replaysEveryRecordingTouchingASupportedOperation() throws IOException {
    String shared = System.getProperty("logto.shared.dir");
    assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "logto", "recordings")),
        "skipped: ../shared/logto/recordings not found (system property logto.shared.dir = " + shared + ")");
    List<Path> recordings;
    try (Stream<Path> files = Files.list(Path.of(shared, "logto", "recordings"))) {
      recordings = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<String> matched = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    TreeSet<String> unsupported = new TreeSet<>();
    // the recorded server had no connector factory installed
    try (LogtoEmulator emulator = LogtoEmulator.builder().connectorFactories(false).start()) {
      logto = emulator;
      http = new Http(emulator);
      ids.put(RECORDED_CLIENT_ID, emulator.defaultClient().clientId());
      seedStateThatPrecededTheRecordings();
      for (Path file : recordings) {
        JsonNode recording = Http.JSON.readTree(file.toFile());
        String name = file.getFileName().toString();
        Http.Answer actual = replay(recording.get("request"));
        if (actual.status() == 501 && "emulator.not_implemented".equals(actual.code())) {
          unsupported.add(actual.body().at("/data/operationId").asText() + " (" + name + ")");
          continue;
        }
        List<String> problems = compare(recording.get("response"), actual);
        if (problems.isEmpty()) {
          matched.add(name);
          learnIds(recording.get("response").get("body"), actual.body());
        } else {
          failures.add(name + ": " + String.join("; ", problems));
        }
      }
    }
    int total = matched.size() + failures.size();
    System.out.printf("Logto recordings replayed: %d/%d matched, %d unsupported%n", matched.size(), total,
        unsupported.size());
    unsupported.forEach(op -> System.out.println("  unsupported: " + op));
    failures.forEach(failure -> System.out.println("  MISMATCH " + failure));
    assertThat(failures).isEmpty();
    assertThat(matched).hasSize(total).hasSizeGreaterThan(90);
  }

  /** The recorded server already held two users when the session began (they show up in page 4). */
  private void seedStateThatPrecededTheRecordings() {
    for (String username : List.of("probe_user_1", "probe_user_2")) {
      assertThat(http.post("/users", "{\"username\":\"" + username + "\",\"password\":\"probe-Passw0rd\"}").status())
          .isEqualTo(200);
    }
  }

  private Http.Answer replay(JsonNode request) {
    String method = request.get("method").asText();
    String path = substitute(request.get("path").asText());
    String query = substitute(request.path("query").asText(""));
    HttpRequest.Builder builder = HttpRequest.newBuilder(
        URI.create(logto.baseUrl() + path + (query.isEmpty() ? "" : "?" + query)));
    JsonNode body = request.get("body");
    String text = body == null || body.isNull() ? null : body.isTextual() ? body.asText() : body.toString();
    builder.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(substitute(text)));
    for (Map.Entry<String, JsonNode> header : request.get("headers").properties()) {
      builder.header(header.getKey(), substitute(header.getValue().asText()));
    }
    return Http.send(builder.build());
  }

  /** Recorded ids and placeholders (secrets, tokens) replaced by the emulator's values. */
  private String substitute(String text) {
    String result = text;
    ClientCredentials client = logto.defaultClient();
    result = result.replace("<base64(client-id:client-secret)>", Base64.getEncoder().encodeToString(
        (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8)));
    result = result.replace("<client-secret>", Http.enc(client.clientSecret()));
    if (result.contains("<access-token>")) {
      result = result.replace("<access-token>", http.token());
    }
    if (result.contains("<no-role-app>") || result.contains("<its-secret>")) {
      result = result.replace("<no-role-app>", noRoleApp().clientId()).replace("<its-secret>", noRoleApp().clientSecret());
    }
    if (result.contains("<token-of-an-app-without-management-role>")) {
      if (noRoleToken == null) {
        noRoleToken = http.token(noRoleApp()).body().get("access_token").asText();
      }
      result = result.replace("<token-of-an-app-without-management-role>", noRoleToken);
    }
    for (Map.Entry<String, String> id : ids.entrySet()) {
      result = result.replace(id.getKey(), id.getValue());
    }
    return result;
  }

  /** Created through the API when first needed, as on the recorded server (so earlier lists do not see it). */
  private ClientCredentials noRoleApp() {
    if (noRoleApp == null) {
      Http.Answer app = http.post("/applications", "{\"name\":\"no role\",\"type\":\"MachineToMachine\"}");
      String id = app.body().get("id").asText();
      String secret = http.get("/applications/" + id + "/secrets").body().get(0).get("value").asText();
      noRoleApp = new ClientCredentials(id, secret);
    }
    return noRoleApp;
  }

  /** After a create or a single-entity read, pairs recorded ids with the emulator's. */
  private void learnIds(JsonNode recorded, JsonNode actual) {
    if (recorded == null || actual == null || !recorded.isObject()) {
      return;
    }
    pairIds(recorded, actual);
  }

  private void pairIds(JsonNode recorded, JsonNode actual) {
    if (recorded.isObject() && actual.isObject()) {
      for (Iterator<String> it = recorded.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        JsonNode r = recorded.get(field);
        JsonNode a = actual.get(field);
        if (a == null) {
          continue;
        }
        if ((field.equals("id") || field.endsWith("Id")) && r.isTextual() && a.isTextual()
            && !r.asText().equals(a.asText()) && r.asText().length() >= 8) {
          ids.putIfAbsent(r.asText(), a.asText());
        } else if (r.isContainerNode()) {
          pairIds(r, a);
        }
      }
    }
  }

  private List<String> compare(JsonNode recorded, Http.Answer actual) {
    List<String> problems = new ArrayList<>();
    int status = recorded.get("status").asInt();
    if (status != actual.status()) {
      problems.add("status " + actual.status() + " != recorded " + status + " " + actual.body());
      return problems;
    }
    JsonNode body = recorded.get("body");
    if (body != null && body.has("code") && !body.get("code").asText().equals(actual.code())) {
      problems.add("code " + actual.code() + " != recorded " + body.get("code").asText());
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (JsonNode pair : recorded.get("headers")) {
      headers.computeIfAbsent(pair.get(0).asText().toLowerCase(), k -> new ArrayList<>()).add(pair.get(1).asText());
    }
    if (actual.header("Logto-Core-Request-Id") == null) {
      problems.add("no Logto-Core-Request-Id");
    }
    for (String name : List.of("content-type", "total-number", "cache-control")) {
      List<String> expected = headers.getOrDefault(name, List.of());
      if (!expected.equals(actual.all(name))) {
        problems.add(name + " " + actual.all(name) + " != recorded " + expected);
      }
    }
    List<String> expectedLinks = new ArrayList<>();
    headers.getOrDefault("link", List.of()).forEach(link -> expectedLinks.add(substitute(withoutOrigin(link))));
    List<String> actualLinks = new ArrayList<>();
    actual.all("Link").forEach(link -> actualLinks.add(withoutOrigin(link)));
    if (!expectedLinks.equals(actualLinks)) {
      problems.add("Link " + actualLinks + " != recorded " + expectedLinks);
    }
    if (body != null && !body.isNull()) {
      shape("$", body, actual.body(), problems);
    } else if (actual.body() != null) {
      problems.add("body " + actual.body() + " where none was recorded");
    }
    return problems;
  }

  private static String withoutOrigin(String link) {
    int start = link.indexOf("//");
    return "<" + link.substring(link.indexOf('/', start + 2));
  }

  /** Same JSON types, same object fields, same array lengths, recursively; values may differ. */
  private static void shape(String where, JsonNode recorded, JsonNode actual, List<String> problems) {
    if (actual == null) {
      problems.add(where + " missing");
      return;
    }
    JsonNodeType type = recorded.getNodeType();
    if (type != actual.getNodeType()) {
      problems.add(where + " is " + actual.getNodeType() + ", recorded " + type);
      return;
    }
    if (recorded.isObject()) {
      TreeSet<String> expected = new TreeSet<>();
      recorded.fieldNames().forEachRemaining(expected::add);
      TreeSet<String> got = new TreeSet<>();
      actual.fieldNames().forEachRemaining(got::add);
      if (!expected.equals(got)) {
        problems.add(where + " fields " + got + " != recorded " + expected);
      }
      for (String field : expected) {
        if (got.contains(field)) {
          shape(where + "." + field, recorded.get(field), actual.get(field), problems);
        }
      }
    } else if (recorded.isArray()) {
      if (recorded.size() != actual.size()) {
        problems.add(where + " has " + actual.size() + " items, recorded " + recorded.size());
      }
      List<String> inOrder = new ArrayList<>();
      for (int i = 0; i < Math.min(recorded.size(), actual.size()); i++) {
        shape(where + "[" + i + "]", recorded.get(i), actual.get(i), inOrder);
      }
      if (!inOrder.isEmpty() && !sameShapesInSomeOrder(recorded, actual)) {
        problems.addAll(inOrder);
      }
    }
  }

  /**
   * Logto sends some lists in no defined order (roles come in PostgreSQL's physical row order): accept
   * items whose shapes match one to one in another order.
   */
  private static boolean sameShapesInSomeOrder(JsonNode recorded, JsonNode actual) {
    if (recorded.size() != actual.size()) {
      return false;
    }
    List<JsonNode> left = new ArrayList<>();
    actual.forEach(left::add);
    for (JsonNode expected : recorded) {
      boolean found = false;
      for (Iterator<JsonNode> it = left.iterator(); it.hasNext() && !found; ) {
        List<String> problems = new ArrayList<>();
        shape("", expected, it.next(), problems);
        if (problems.isEmpty()) {
          it.remove();
          found = true;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }
}

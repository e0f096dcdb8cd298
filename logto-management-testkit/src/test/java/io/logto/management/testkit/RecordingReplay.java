package io.logto.management.testkit;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Replays one folder of real Logto exchanges, in file-name order, against one emulator session and
 * judges each answer: status, Logto error {@code code}, the headers that matter and the JSON shape.
 * Ids a recorded answer returned are paired with the emulator's and replaced in later requests and
 * expectations; placeholders (secrets, tokens) become the emulator's values.
 */
final class RecordingReplay {
  /** Headers compared exactly (after ids are mapped); {@code Link} is compared without its origin. */
  private static final List<String> COMPARED_HEADERS =
      List.of("content-type", "total-number", "cache-control", "allow", "content-language");
  /** Request headers java.net.http sets itself and refuses. */
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

  private final LogtoEmulator logto;
  private final RecordedClock clock;
  private final Http http;
  private final Map<String, String> substitutions = new LinkedHashMap<>();
  private final Map<String, Supplier<String>> lazySubstitutions = new LinkedHashMap<>();
  private final Map<String, String> notReplayable = new LinkedHashMap<>();
  private final Set<String> only;
  private final Set<String> knownMismatches;
  private final ConformanceTally tally;

  /**
   * @param only the operationIds to judge (all when empty); the others are replayed for their state
   *     but neither judged nor counted
   * @param knownMismatches files of this folder known to differ still (reported, not failed)
   * @param clock the emulator's clock, stepped to each exchange's recorded time before it is replayed
   */
  RecordingReplay(String folder, LogtoEmulator logto, RecordedClock clock, Set<String> only,
      Set<String> knownMismatches) {
    this.logto = logto;
    this.clock = clock;
    this.knownMismatches = knownMismatches;
    this.http = new Http(logto);
    this.only = only;
    this.tally = new ConformanceTally(folder, only);
  }

  Http http() {
    return http;
  }

  /** Replaces {@code recorded} (an id, an origin) by {@code actual} in every later request and expectation. */
  RecordingReplay map(String recorded, String actual) {
    substitutions.put(recorded, actual);
    return this;
  }

  /**
   * Replaces {@code placeholder} by what {@code value} gives when a request first holds it (for
   * entities the recorded session created at that point, so earlier lists do not see them).
   */
  RecordingReplay mapLazily(String placeholder, Supplier<String> value) {
    lazySubstitutions.put(placeholder, value);
    return this;
  }

  /** Marks a recording as impossible to replay elsewhere, with the reason printed in the report. */
  RecordingReplay notReplayable(String file, String reason) {
    notReplayable.put(file, reason);
    return this;
  }

  /** Replays every {@code *.json} file of {@code folder} sorted by name and returns the tally. */
  ConformanceTally replayAll(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      replayOne(file.getFileName().toString(), Http.JSON.readTree(file.toFile()));
    }
    return tally;
  }

  private void replayOne(String file, JsonNode recording) {
    clock.step(file);
    String reason = notReplayable.get(file);
    if (reason != null) {
      judge(new ConformanceTally.Result(file, operationFromName(file), ConformanceTally.Outcome.NOT_REPLAYABLE,
          reason));
      return;
    }
    HttpRequest request = request(recording.get("request"));
    logto.resetRequestCounts();
    Http.Answer actual = Http.send(request);
    String operationId = operationOf(file);
    JsonNode expected = recording.get("response");
    if (actual.status() == 501 && actual.code() != null && actual.code().startsWith("emulator.")
        && !(expected.get("status").asInt() == 501 && actual.code().equals(expected.path("body").path("code")
        .asText()))) {
      judge(new ConformanceTally.Result(file, operationId, ConformanceTally.Outcome.UNSUPPORTED, actual.code()));
      return;
    }
    List<String> problems = compare(expected, actual);
    if (expected.get("status").asInt() == actual.status()) {
      pairIds(expected.get("body"), actual.body());
    }
    ConformanceTally.Outcome outcome = problems.isEmpty() ? ConformanceTally.Outcome.MATCHED
        : knownMismatches.contains(file) ? ConformanceTally.Outcome.KNOWN_MISMATCH
        : ConformanceTally.Outcome.MISMATCHED;
    judge(new ConformanceTally.Result(file, operationId, outcome, String.join("; ", problems)));
  }

  private void judge(ConformanceTally.Result result) {
    if (only.isEmpty() || only.contains(result.operationId())) {
      tally.add(result);
    }
  }

  /** The operation the emulator counted for the last request, else the one the file name carries. */
  private String operationOf(String file) {
    String named = operationFromName(file);
    Set<String> counted = logto.requestCounts().keySet();
    if (counted.contains(named)) {
      return named;
    }
    for (String name : counted) {
      return name.equals("oidc.token") ? "OidcToken" : name;
    }
    return named;
  }

  /** {@code 0017-ListUsers.json} names ListUsers; the first folder's names ({@code 014-create-user-1}) name none. */
  private static String operationFromName(String file) {
    String stem = file.substring(file.indexOf('-') + 1, file.length() - ".json".length());
    return stem;
  }

  private HttpRequest request(JsonNode recorded) {
    String query = substitute(recorded.path("query").asText(""));
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(
        logto.baseUrl() + substitute(recorded.get("path").asText()) + (query.isEmpty() ? "" : "?" + query)));
    JsonNode body = recorded.get("body");
    String text = body == null || body.isNull() ? null : body.isTextual() ? body.asText() : body.toString();
    builder.method(recorded.get("method").asText(), text == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(substitute(text)));
    for (Map.Entry<String, JsonNode> header : recorded.get("headers").properties()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase())) {
        builder.header(header.getKey(), substitute(header.getValue().asText()));
      }
    }
    return builder.build();
  }

  /** Placeholders of the recordings and recorded ids replaced by the emulator's values. */
  String substitute(String text) {
    String result = text;
    ClientCredentials client = logto.defaultClient();
    result = result.replace("<base64(client-id:client-secret)>", Base64.getEncoder().encodeToString(
        (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8)));
    result = result.replace("<client-secret>", Http.enc(client.clientSecret()));
    if (result.contains("<access-token>")) {
      result = result.replace("<access-token>", http.token());
    }
    for (Iterator<Map.Entry<String, Supplier<String>>> it = lazySubstitutions.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Supplier<String>> lazy = it.next();
      if (result.contains(lazy.getKey())) {
        substitutions.put(lazy.getKey(), lazy.getValue().get());
        it.remove();
      }
    }
    for (Map.Entry<String, String> entry : substitutions.entrySet()) {
      result = result.replace(entry.getKey(), entry.getValue());
    }
    return result;
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
    for (String name : COMPARED_HEADERS) {
      List<String> expected = headers.getOrDefault(name, List.of()).stream().map(this::substitute).toList();
      if (!expected.equals(actual.all(name))) {
        problems.add(name + " " + actual.all(name) + " != recorded " + expected);
      }
    }
    List<String> expectedLinks = headers.getOrDefault("link", List.of()).stream()
        .map(link -> withoutOrigin(substitute(link))).toList();
    List<String> actualLinks = actual.all("Link").stream().map(RecordingReplay::withoutOrigin).toList();
    if (!expectedLinks.equals(actualLinks)) {
      problems.add("Link " + actualLinks + " != recorded " + expectedLinks);
    }
    if (body == null || body.isNull()) {
      if (actual.body() != null) {
        problems.add("body " + actual.body() + " where none was recorded");
      }
    } else if (body.isTextual()) {
      // a text answer (Logto's "Created", "OK", "Not Found"): the text itself is the contract
      if (actual.body() == null || !comparableText(substitute(body.asText())).equals(comparableText(actual.body().asText()))) {
        problems.add("body " + actual.body() + " != recorded " + body);
      }
    } else {
      problems.addAll(JsonShape.differences(body, actual.body()));
    }
    return problems;
  }

  /** A text body with what differs on every server masked: the certificate inside SAML metadata XML. */
  private static String comparableText(String text) {
    return text.replaceAll("<ds:X509Certificate>[^<]*</ds:X509Certificate>", "<ds:X509Certificate/>");
  }

  private static String withoutOrigin(String link) {
    int start = link.indexOf("//");
    return start < 0 ? link : "<" + link.substring(link.indexOf('/', start + 2));
  }

  /**
   * Pairs the ids of a recorded answer with the emulator's: fields named {@code id}, {@code ...Id} or
   * {@code token} of objects; list items are paired by {@code name} (names carry the recordings' fixed suffix, so they
   * are the same on both sides), else by position.
   */
  private void pairIds(JsonNode recorded, JsonNode actual) {
    if (recorded == null || actual == null) {
      return;
    }
    if (recorded.isObject() && actual.isObject()) {
      for (Iterator<String> it = recorded.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        JsonNode r = recorded.get(field);
        JsonNode a = actual.get(field);
        if (a == null) {
          continue;
        }
        // generated values later requests send back: ids, and one-time tokens (VerifyOneTimeToken)
        if ((field.equals("id") || field.endsWith("Id") || field.equals("token")) && r.isTextual() && a.isTextual()) {
          String id = r.asText();
          if (!id.equals(a.asText()) && id.length() >= 8 && !substitutions.containsKey(id)) {
            substitutions.put(id, a.asText());
          }
        } else if (r.isContainerNode()) {
          pairIds(r, a);
        }
      }
    } else if (recorded.isArray() && actual.isArray()) {
      for (int i = 0; i < recorded.size(); i++) {
        JsonNode item = recorded.get(i);
        JsonNode twin = twin(item, actual);
        pairIds(item, twin != null ? twin : recorded.size() == actual.size() ? actual.get(i) : null);
      }
    }
  }

  private static JsonNode twin(JsonNode item, JsonNode actual) {
    JsonNode name = item.get("name");
    if (name == null || !name.isTextual()) {
      return null;
    }
    JsonNode found = null;
    for (JsonNode candidate : actual) {
      if (name.equals(candidate.get("name"))) {
        if (found != null) {
          return null;
        }
        found = candidate;
      }
    }
    return found;
  }
}

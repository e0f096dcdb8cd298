package io.logto.management.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.codegen.spec.Corrections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shipped correction names a real exchange in {@code ../shared/logto} (system property {@code
 * logto.shared.dir}) that shows what it claims: a text answer for {@code void}, a number for an epoch
 * timestamp, the property for an added one, {@code true}/{@code false} for a boolean parameter, the
 * properties sent answered back for a body typed as the answer.
 */
final class CorrectionsProofTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyCorrectionIsProvedByItsRecording() throws IOException {
    String dir = System.getProperty("logto.shared.dir");
    Path logto = dir == null ? null : Path.of(dir, "logto");
    assumeTrue(logto != null && Files.isDirectory(logto.resolve("recordings-sweep")),
        "skipped: ../shared/logto (system property logto.shared.dir) is absent");
    List<String> problems = new ArrayList<>();
    // an optional ISO timestamp no recording carries yet (MFA lastUsedAt) is proved by a sibling
    // timestamp of the same objects in the same recording
    java.util.Set<String> isoShown = new java.util.HashSet<>();
    List<Corrections.Entry> isoUnseen = new ArrayList<>();
    List<Corrections.Entry> entries = Corrections.defaults().entries();
    JsonNode document = MAPPER.readTree(logto.resolve("management.openapi.json").toFile());
    for (Corrections.Entry e : entries) {
      if (e.proof().equals("document")) {
        documentProof(document, e).ifPresent(problems::add);
        continue;
      }
      Path proof = logto.resolve(e.proof());
      if (!Files.isRegularFile(proof)) {
        problems.add(e + ": no such recording");
        continue;
      }
      JsonNode rec = MAPPER.readTree(proof.toFile());
      JsonNode response = rec.get("response");
      int status = response.get("status").asInt();
      if (!e.operationId().equals("*") && !proof.getFileName().toString().contains("-" + e.operationId() + ".")) {
        problems.add(e + ": the recording is not of " + e.operationId());
      }
      if (e.fix() == Corrections.Fix.SHAPE) {
        shapeProof(rec, e).ifPresent(problems::add);
        continue;
      }
      if (status < 200 || status > 299) {
        problems.add(e + ": the recording is not a success (" + status + ")");
        continue;
      }
      String where = e.target().contains(":") ? e.target().substring(0, e.target().indexOf(':')) : e.target();
      String path = e.target().contains(":") ? e.target().substring(e.target().indexOf(':') + 1) : "";
      JsonNode body = where.equals("request") ? rec.get("request").get("body") : response.get("body");
      switch (e.fix()) {
        case VOID -> {
          if (!body.isTextual()) {
            problems.add(e + ": the answer is not text");
          }
        }
        case BOOLEAN -> {
          String query = rec.get("request").get("query").asText();
          if (!query.matches("(^|.*&)" + path + "=(true|false)(&.*|$)")) {
            problems.add(e + ": the request does not send " + path + "=true|false");
          }
        }
        case AS_ANSWER -> {
          // the body sent is the shape answered: every property sent comes back, of the same JSON type
          JsonNode answer = response.get("body");
          boolean shown = body != null && body.isObject() && body.size() > 0 && answer != null && answer.isObject();
          for (java.util.Map.Entry<String, JsonNode> f : shown ? body.properties() : java.util.Set.<java.util.Map.Entry<String, JsonNode>>of()) {
            shown &= answer.has(f.getKey()) && answer.get(f.getKey()).getNodeType() == f.getValue().getNodeType();
          }
          if (!shown) {
            problems.add(e + ": the recording does not answer the shape it sends");
          }
        }
        case SERVER_MANAGED -> {
          // the create sends no such property, and the server answers with one it assigned
          if (body == null || !body.isObject() || body.has(path) || !response.get("body").has(path)) {
            problems.add(e + ": the recording does not show the server assigning " + path);
          }
        }
        case EPOCH_MILLIS, EPOCH_SECONDS, ISO_INSTANT, STRING, STRING_MAP, STRING_LIST, ADD_STRING, ADD_STRING_LIST, ADD_STRING_MAP -> {
          List<JsonNode> values = new ArrayList<>();
          find(body, List.of(path.replace("[]", "[].").replace("..", ".").split("\\.")), values);
          boolean shown = !values.isEmpty() && values.stream().allMatch(v -> switch (e.fix()) {
            case EPOCH_MILLIS -> v.isIntegralNumber() && v.asLong() > 100_000_000_000L;
            case EPOCH_SECONDS -> v.isIntegralNumber() && v.asLong() < 100_000_000_000L;
            case ISO_INSTANT -> v.isTextual() && isoInstant(v.asText());
            case STRING_LIST, ADD_STRING_LIST -> v.isArray() && allText(v);
            case STRING, ADD_STRING -> v.isTextual();
            default -> v.isObject() && allText(v);
          });
          if (e.fix() == Corrections.Fix.ISO_INSTANT && values.isEmpty()) {
            isoUnseen.add(e);
          } else if (e.fix() == Corrections.Fix.ISO_INSTANT && shown) {
            isoShown.add(e.operationId() + " " + e.proof());
          } else if (!shown) {
            problems.add(e + ": the recording does not show it (found " + values + ")");
          }
        }
        case ENUM_OF -> {
          // the value sent is one the named operation answers as an enum at the same path
          List<JsonNode> values = new ArrayList<>();
          find(body, List.of(path.split("\\.")), values);
          List<String> known = new ArrayList<>();
          answeredEnum(document, e.argument(), path).forEach(v -> known.add(v.asText()));
          if (values.isEmpty() || !values.stream().allMatch(v -> v.isTextual() && known.contains(v.asText()))) {
            problems.add(e + ": the recording sends " + values + ", not one of " + known);
          }
        }
        default -> { }
      }
    }
    for (Corrections.Entry e : isoUnseen) {
      if (!isoShown.contains(e.operationId() + " " + e.proof())) {
        problems.add(e + ": the recording shows no ISO timestamp of these objects");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(entries).hasSizeGreaterThan(20);
  }

  /**
   * A flag the document types as text: every parameter of that name (of that operation, or of all
   * for {@code *}) is described as taking {@code `true`}.
   */
  private static java.util.Optional<String> documentProof(JsonNode document, Corrections.Entry e) {
    if (e.fix() == Corrections.Fix.STRING && e.target().startsWith("request:")) {
      return answeredAsText(document, e);
    }
    if (e.fix() != Corrections.Fix.BOOLEAN || !e.target().startsWith("query:")) {
      return java.util.Optional.of(e + ": only boolean query and string request corrections may cite the document");
    }
    String name = e.target().substring("query:".length());
    int found = 0;
    for (JsonNode item : document.get("paths")) {
      for (JsonNode op : item) {
        if (!op.has("operationId")
            || !(e.operationId().equals("*") || e.operationId().equals(op.get("operationId").asText()))) {
          continue;
        }
        for (JsonNode p : op.path("parameters")) {
          if (name.equals(p.path("name").asText())) {
            found++;
            if (!p.path("description").asText().contains("`true`")) {
              return java.util.Optional.of(e + ": " + op.get("operationId").asText() + " does not describe it as `true`");
            }
          }
        }
      }
    }
    return found == 0 ? java.util.Optional.of(e + ": no operation has the parameter") : java.util.Optional.empty();
  }

  /**
   * A request property the document types otherwise is text when the same operation's answer
   * declares the property (top level) as a string.
   */
  private static java.util.Optional<String> answeredAsText(JsonNode document, Corrections.Entry e) {
    String name = e.target().substring("request:".length());
    for (JsonNode item : document.get("paths")) {
      for (JsonNode op : item) {
        if (!e.operationId().equals(op.path("operationId").asText())) {
          continue;
        }
        for (JsonNode answer : op.path("responses")) {
          JsonNode property = answer.path("content").path("application/json").path("schema").path("properties").path(name);
          if ("string".equals(property.path("type").asText())) {
            return java.util.Optional.empty();
          }
        }
        return java.util.Optional.of(e + ": the operation does not answer " + name + " as a string");
      }
    }
    return java.util.Optional.of(e + ": no such operation");
  }

  /**
   * A shape is proved by a success carrying values of the shape at the target (of its JSON type; an
   * object with every required property and none the shape lacks), or by Logto refusing another type
   * there: a 400 whose validation issue at that path expects the type. A body property no recording
   * sends is proved by the same operation answering it (the update's body is a partial of its answer).
   */
  private static java.util.Optional<String> shapeProof(JsonNode rec, Corrections.Entry e) throws IOException {
    JsonNode shapes;
    try (var in = Corrections.class.getResourceAsStream(Corrections.SHAPES_RESOURCE)) {
      shapes = MAPPER.readTree(in);
    }
    JsonNode shape = shapes.path(e.argument());
    String type = shape.path("type").asText();
    String path = e.target().substring(e.target().indexOf(':') + 1);
    JsonNode response = rec.get("response");
    int status = response.get("status").asInt();
    if (status == 400) {
      for (JsonNode issue : response.path("body").path("data").path("issues")) {
        if (issue.path("path").toString().equals(MAPPER.valueToTree(List.of(path.split("\\."))).toString())
            && type.equals(issue.path("expected").asText())) {
          return java.util.Optional.empty();
        }
      }
      return java.util.Optional.of(e + ": the 400 answer expects no " + type + " at " + path);
    }
    List<JsonNode> values = new ArrayList<>();
    List<String> steps = List.of(path.split("\\."));
    find(e.target().startsWith("request") ? rec.get("request").get("body") : response.get("body"), steps, values);
    if (values.isEmpty() && e.target().startsWith("request")) {
      find(response.get("body"), steps, values);
    }
    boolean shown = status >= 200 && status < 300 && !values.isEmpty()
        && values.stream().allMatch(v -> fits(v, shape));
    return shown ? java.util.Optional.empty() : java.util.Optional.of(e + ": the recording shows no " + e.argument() + " at " + path + " (found " + values + ")");
  }

  /** The value has the shape's JSON type, and an object its required properties and no other. */
  private static boolean fits(JsonNode value, JsonNode shape) {
    String type = shape.path("type").asText();
    boolean typed = switch (type) {
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      default -> value.getNodeType().name().equalsIgnoreCase(type);
    };
    if (!typed || !value.isObject()) {
      return typed;
    }
    for (JsonNode required : shape.path("required")) {
      if (!value.has(required.asText())) {
        return false;
      }
    }
    for (java.util.Map.Entry<String, JsonNode> f : value.properties()) {
      if (!shape.path("properties").has(f.getKey()) || !fits(f.getValue(), shape.path("properties").get(f.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The enum values the operation's answer declares at the path (top level or in list items). */
  private static JsonNode answeredEnum(JsonNode document, String operationId, String path) {
    for (JsonNode item : document.get("paths")) {
      for (JsonNode op : item) {
        if (!operationId.equals(op.path("operationId").asText())) {
          continue;
        }
        for (JsonNode answer : op.path("responses")) {
          JsonNode schema = answer.path("content").path("application/json").path("schema");
          for (String step : path.split("\\.")) {
            schema = schema.path("properties").path(step);
          }
          if (schema.has("enum")) {
            return schema.get("enum");
          }
        }
      }
    }
    return MAPPER.createArrayNode();
  }

  private static boolean isoInstant(String text) {
    try {
      java.time.format.DateTimeFormatter.ISO_INSTANT.parse(text);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static boolean allText(JsonNode container) {
    for (JsonNode v : container) {
      if (!v.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static void find(JsonNode node, List<String> path, List<JsonNode> out) {
    if (node == null || node.isNull()) {
      return;
    }
    if (path.isEmpty()) {
      out.add(node);
      return;
    }
    String step = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (step.isEmpty()) {
      find(node, rest, out);
    } else if (step.equals("[]")) {
      node.forEach(item -> find(item, rest, out));
    } else {
      find(node.get(step), rest, out);
    }
  }
}

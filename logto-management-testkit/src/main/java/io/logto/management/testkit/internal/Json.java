package io.logto.management.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** JSON trees: the emulator keeps entities as trees in the exact shape Logto answers with. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // PostgreSQL's jsonb orders keys by length, then bytewise: Logto's custom data comes back that way.
  private static final Comparator<String> JSONB_ORDER =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  public static ArrayNode strings(Collection<String> values) {
    ArrayNode array = array();
    values.forEach(array::add);
    return array;
  }

  public static ArrayNode arrayOf(Collection<? extends JsonNode> values) {
    ArrayNode array = array();
    values.forEach(array::add);
    return array;
  }

  static byte[] write(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** Parses a request body; a syntax error becomes Logto's 400 with only a message. */
  static JsonNode parse(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ApiError.malformedJson("Unexpected end of JSON input");
      }
      return node;
    } catch (IOException e) {
      throw ApiError.malformedJson(
          e.getMessage() != null && e.getMessage().contains("end-of-input")
              ? "Unexpected end of JSON input"
              : "Unexpected token in JSON");
    }
  }

  /** A copy of {@code node} with object keys in jsonb order, recursively. */
  public static ObjectNode jsonb(ObjectNode node) {
    return (ObjectNode) jsonb((JsonNode) node);
  }

  /** A copy of {@code node} with object keys in jsonb order, recursively. */
  public static JsonNode jsonb(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(JSONB_ORDER);
      ObjectNode copy = object();
      for (String name : names) {
        copy.set(name, jsonb(node.get(name)));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = array();
      node.forEach(element -> copy.add(jsonb(element)));
      return copy;
    }
    return node;
  }

  /** {@code base} with the top-level fields of {@code patch} put over it (Logto's shallow merge). */
  public static ObjectNode merge(ObjectNode base, ObjectNode patch) {
    ObjectNode merged = base.deepCopy();
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      merged.set(field.getKey(), field.getValue().deepCopy());
    }
    return merged;
  }

  /**
   * The listed fields of {@code body}, copied, in the order listed: what a zod object guard keeps of a
   * body (it drops unknown keys and writes the rest in its schema's order).
   */
  public static ObjectNode pick(ObjectNode body, List<String> fields) {
    ObjectNode kept = object();
    for (String field : fields) {
      if (body.has(field)) {
        kept.set(field, body.get(field).deepCopy());
      }
    }
    return kept;
  }

  /** The name zod gives a JSON value's type in its messages. */
  static String zodType(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "undefined";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isNumber()) {
      return "number";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    if (node.isArray()) {
      return "array";
    }
    return "object";
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Validates a JSON request body field by field and collects the failures as zod issues (see
 * {@link ZodIssues}), so a bad body answers 400 {@code guard.invalid_input} with the same
 * {@code data.issues} and {@code details} Logto's guard produces.
 */
final class Guard {
  private final ObjectNode body;
  // the key path of this object inside the body: "" at the top, "config." inside config
  private final String prefix;
  private final ZodIssues issues;

  private Guard(ObjectNode body, String what) {
    this(body, "", new ZodIssues(what));
  }

  private Guard(ObjectNode body, String prefix, ZodIssues issues) {
    this.body = body;
    this.prefix = prefix;
    this.issues = issues;
  }

  /** A guard over a nested object, reporting into this guard with the full key path. */
  public Guard within(String field, ObjectNode nested) {
    return new Guard(nested, prefix + field + ".", issues);
  }

  /** A guard over a JSON object body; a body of another JSON type fails at once. */
  public static Guard body(JsonNode body) {
    return root(body, "body");
  }

  /**
   * A guard over the uploaded files of a multipart body, by field name, each an array of
   * {@code {filepath, mimetype, originalFilename, size}}; null (no multipart body) fails at once.
   */
  public static Guard files(JsonNode files) {
    return root(files, "files");
  }

  private static Guard root(JsonNode value, String what) {
    if (value == null || !value.isObject()) {
      ZodIssues issues = new ZodIssues(what);
      issues.type("", "object", value);
      issues.check();
    }
    return new Guard((ObjectNode) value, what);
  }

  /** A guard over path parameters gathered into an object of strings. */
  public static Guard params(ObjectNode params) {
    return new Guard(params, "params");
  }

  /** A guard over query parameters gathered into an object of strings. */
  public static Guard query(ObjectNode query) {
    return new Guard(query, "query");
  }

  // --- configuration routes (sign-in experience, configs): path params, strict objects, string maps ---

  /** Checks that a body is a JSON array (400 {@code guard.invalid_input} at the root otherwise). */
  public static void arrayBody(JsonNode body) {
    if (body == null || !body.isArray()) {
      ZodIssues issues = new ZodIssues("body");
      issues.type("", "array", body);
      issues.check();
    }
  }

  /** Refuses keys outside {@code allowed}, as a zod {@code .strict()} object does. */
  public void strict(java.util.Collection<String> allowed) {
    List<String> unknown = new ArrayList<>();
    body.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      issues.unrecognizedKeys(prefix, unknown);
    }
  }

  /** An optional object whose values must all be strings (zod's {@code z.record(z.string())}). */
  public ObjectNode stringRecord(String field) {
    ObjectNode record = object(field, false);
    if (record != null) {
      for (Map.Entry<String, JsonNode> entry : record.properties()) {
        if (!entry.getValue().isTextual()) {
          typeIssue(field + "." + entry.getKey(), "string", entry.getValue());
        }
      }
    }
    return record;
  }

  /** A discriminated union whose discriminator {@code field} has none of {@code options}. */
  public void discriminatorIssue(String field, List<String> options) {
    issues.discriminator(prefix + field, options);
  }

  /** A string that fails a zod string check ({@code url}, {@code email}, {@code regex}, ...). */
  public void invalidString(String field, String validation, String message) {
    issues.invalidString(prefix + field, validation, message);
  }

  /** Any JSON value; absent is an issue when {@code required}. */
  public JsonNode anyJson(String field, boolean required) {
    JsonNode value = body.get(field);
    if (value == null && required) {
      typeIssue(field, "unknown", null);
    }
    return value;
  }

  public ObjectNode raw() {
    return body;
  }

  public boolean has(String field) {
    return body.has(field);
  }

  /** Whether {@code body} holds at least one of {@code fields} (the keys a PATCH guard keeps). */
  static boolean hasAnyOf(ObjectNode body, List<String> fields) {
    return fields.stream().anyMatch(body::has);
  }

  public String string(String field, boolean required) {
    JsonNode value = typed(field, required, "string", JsonNode::isTextual);
    return value == null ? null : value.asText();
  }

  // the field when it has the JSON type zod expects, else null: absent (an issue when required) or mistyped
  private JsonNode typed(String field, boolean required, String expected, Predicate<JsonNode> isExpected) {
    JsonNode value = body.get(field);
    if (value == null) {
      if (required) {
        typeIssue(field, expected, null);
      }
      return null;
    }
    if (!isExpected.test(value)) {
      typeIssue(field, expected, value);
      return null;
    }
    return value;
  }

  /** A required string of at least one character. */
  public String name(String field) {
    return nonEmpty(field, string(field, true));
  }

  /** An optional string of at least one character when present. */
  public String optionalName(String field) {
    return nonEmpty(field, string(field, false));
  }

  private String nonEmpty(String field, String value) {
    if (value != null && value.isEmpty()) {
      issues.tooShort(prefix + field, "string");
    }
    return value;
  }

  /** An optional string that must match {@code regex} (zod's {@code invalid_string} issue otherwise). */
  public String matching(String field, java.util.regex.Pattern regex) {
    String value = string(field, false);
    if (value != null && !regex.matcher(value).matches()) {
      invalidString(field, "regex", "Invalid");
      return null;
    }
    return value;
  }

  /** A string that may be JSON null; returns the node (absent -> null, null -> NullNode). */
  public JsonNode nullableString(String field) {
    JsonNode value = body.get(field);
    if (value != null && !value.isNull() && !value.isTextual()) {
      typeIssue(field, "string", value);
      return null;
    }
    return value;
  }

  public ObjectNode object(String field, boolean required) {
    return (ObjectNode) typed(field, required, "object", JsonNode::isObject);
  }

  public Boolean bool(String field, boolean required) {
    JsonNode value = typed(field, required, "boolean", JsonNode::isBoolean);
    return value == null ? null : value.asBoolean();
  }

  public Long number(String field, boolean required) {
    JsonNode value = typed(field, required, "number", JsonNode::isNumber);
    return value == null ? null : value.asLong();
  }

  /** A number that may be JSON null; returns the node (absent -> null, null -> NullNode). */
  public JsonNode nullableNumber(String field) {
    JsonNode value = body.get(field);
    if (value != null && !value.isNull() && !value.isNumber()) {
      typeIssue(field, "number", value);
      return null;
    }
    return value;
  }

  public List<String> strings(String field, boolean required) {
    JsonNode value = typed(field, required, "array", JsonNode::isArray);
    if (value == null) {
      return null;
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isTextual()) {
        typeIssue(field + "." + i, "string", element);
      } else {
        result.add(element.asText());
      }
    }
    return result;
  }

  public String oneOf(String field, List<String> options, boolean required) {
    JsonNode value = body.get(field);
    if (value == null) {
      if (required) {
        typeIssue(field, String.join(" | ", ZodIssues.quoted(options)), null);
      }
      return null;
    }
    if (!value.isTextual() || !options.contains(value.asText())) {
      enumIssue(field, options, value);
      return null;
    }
    return value.asText();
  }

  /**
   * A non-empty array of enum values, duplicates dropped (first occurrence kept); null when absent
   * or invalid.
   */
  public List<String> enumSet(String field, List<String> options, boolean required) {
    JsonNode value = body.get(field);
    if (value == null || !value.isArray()) {
      if (value != null || required) {
        typeIssue(field, "array", value);
      }
      return null;
    }
    if (value.isEmpty()) {
      issues.tooShort(prefix + field, "array");
      return null;
    }
    return List.copyOf(new LinkedHashSet<>(enumElements(field, options, value)));
  }

  /** An optional array of enum values, possibly empty; null when absent or not an array. */
  public List<String> enumList(String field, List<String> options) {
    JsonNode value = body.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      typeIssue(field, "array", value);
      return null;
    }
    return enumElements(field, options, value);
  }

  private List<String> enumElements(String field, List<String> options, JsonNode array) {
    List<String> result = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      if (!element.isTextual() || !options.contains(element.asText())) {
        enumIssue(field + "." + i, options, element);
      } else {
        result.add(element.asText());
      }
    }
    return result;
  }

  private void enumIssue(String field, List<String> options, JsonNode value) {
    issues.enumValue(prefix + field, options, value);
  }

  /** Throws zod's answer to an empty array where a non-empty one is required ({@code .nonempty()}). */
  static void emptyArray(String field) {
    ZodIssues issues = new ZodIssues("body");
    issues.tooShort(field, "array");
    issues.check();
  }

  // --- connectors, SSO, SAML (emu2b) ---

  /**
   * An array of objects, each returned for a nested guard (see {@link #within}); null when absent or
   * not an array, and the elements that are not objects are reported.
   */
  public List<ObjectNode> objects(String field, boolean required) {
    JsonNode value = body.get(field);
    if (value == null || !value.isArray()) {
      if (value != null || required) {
        typeIssue(field, "array", value);
      }
      return null;
    }
    List<ObjectNode> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (element.isObject()) {
        result.add((ObjectNode) element);
      } else {
        typeIssue(field + "." + i, "object", element);
      }
    }
    return result;
  }

  /** A number that must be greater than zero (zod's {@code positive()}). */
  public Long positive(String field, boolean required) {
    Long value = number(field, required);
    if (value != null && body.get(field).asDouble() <= 0) {
      issues.tooSmallNumber(prefix + field, Json.object().numberNode(0), false, "Number must be greater than 0");
      return null;
    }
    return value;
  }

  /** An integer of at least {@code minimum} (zod's {@code int().gte(minimum)}). */
  public Long atLeast(String field, long minimum, boolean required) {
    Long value = number(field, required);
    if (value == null) {
      return null;
    }
    JsonNode node = body.get(field);
    if (!node.canConvertToExactIntegral()) {
      issues.type(prefix + field, "integer", "float", false);
      return null;
    }
    if (value < minimum) {
      issues.tooSmallNumber(prefix + field, Json.object().numberNode(minimum), true,
          "Number must be greater than or equal to " + minimum);
      return null;
    }
    return value;
  }

  /** Reports a string longer than {@code maximum} (zod's {@code max()}); returns null then, else the value. */
  public String atMost(String field, String value, int maximum) {
    if (value == null || value.length() <= maximum) {
      return value;
    }
    issues.tooLongString(prefix + field, maximum);
    return null;
  }

  /** Whether any check failed so far. */
  public boolean failed() {
    return !issues.isEmpty();
  }

  /** Throws 400 {@code guard.invalid_input} when any check failed. */
  public void check() {
    issues.check();
  }

  private void typeIssue(String field, String expected, JsonNode value) {
    issues.type(prefix + field, expected, value);
  }
}

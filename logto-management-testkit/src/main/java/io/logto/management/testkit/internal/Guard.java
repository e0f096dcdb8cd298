package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a JSON request body field by field and collects the failures as zod issues, so a bad
 * body answers 400 {@code guard.invalid_input} with the same {@code data.issues} and {@code details}
 * Logto's guard produces.
 */
final class Guard {
  private final ObjectNode body;
  private final String what;
  // the key path of this object inside the body: "" at the top, "config." inside config
  private final String prefix;
  private final ArrayNode issues;
  private final List<String> details;

  private Guard(ObjectNode body, String what) {
    this(body, what, "", Json.array(), new ArrayList<>());
  }

  private Guard(ObjectNode body, String what, String prefix, ArrayNode issues, List<String> details) {
    this.body = body;
    this.what = what;
    this.prefix = prefix;
    this.issues = issues;
    this.details = details;
  }

  /** A guard over a nested object, reporting into this guard with the full key path. */
  public Guard within(String field, ObjectNode nested) {
    return new Guard(nested, what, prefix + field + ".", issues, details);
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
      Guard guard = new Guard(Json.object(), what);
      guard.typeIssue("", "object", value);
      guard.check();
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
      Guard guard = new Guard(Json.object(), "body");
      guard.typeIssue("", "array", body);
      guard.check();
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
      ObjectNode issue = issue("unrecognized_keys", "", "Unrecognized key(s) in object: " + String.join(", ", quoted(unknown)));
      ObjectNode ordered = Json.object().put("code", "unrecognized_keys");
      ordered.set("keys", Json.strings(unknown));
      ordered.set("path", issue.get("path"));
      ordered.set("message", issue.get("message"));
      issues.set(issues.size() - 1, ordered);
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
    ObjectNode issue = issue("invalid_union_discriminator", field,
        "Invalid discriminator value. Expected " + String.join(" | ", quoted(options)));
    ObjectNode ordered = Json.object().put("code", "invalid_union_discriminator");
    ordered.set("options", Json.strings(options));
    ordered.set("path", issue.get("path"));
    ordered.set("message", issue.get("message"));
    issues.set(issues.size() - 1, ordered);
  }

  /** A string that fails a zod string check ({@code url}, {@code email}, {@code regex}, ...). */
  public void invalidString(String field, String validation, String message) {
    ObjectNode issue = issue("invalid_string", field, message);
    ObjectNode ordered = Json.object().put("validation", validation).put("code", "invalid_string");
    ordered.set("message", issue.get("message"));
    ordered.set("path", issue.get("path"));
    issues.set(issues.size() - 1, ordered);
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
    JsonNode value = body.get(field);
    if (value == null) {
      if (required) {
        typeIssue(field, "string", null);
      }
      return null;
    }
    if (!value.isTextual()) {
      typeIssue(field, "string", value);
      return null;
    }
    return value.asText();
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
      ObjectNode issue = issue("too_small", field, "String must contain at least 1 character(s)");
      issue.put("minimum", 1).put("type", "string").put("inclusive", true).put("exact", false);
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
    JsonNode value = body.get(field);
    if (value == null) {
      if (required) {
        typeIssue(field, "object", null);
      }
      return null;
    }
    if (!value.isObject()) {
      typeIssue(field, "object", value);
      return null;
    }
    return (ObjectNode) value;
  }

  public Boolean bool(String field, boolean required) {
    JsonNode value = body.get(field);
    if (value == null) {
      if (required) {
        typeIssue(field, "boolean", null);
      }
      return null;
    }
    if (!value.isBoolean()) {
      typeIssue(field, "boolean", value);
      return null;
    }
    return value.asBoolean();
  }

  public Long number(String field, boolean required) {
    JsonNode value = body.get(field);
    if (value == null) {
      if (required) {
        typeIssue(field, "number", null);
      }
      return null;
    }
    if (!value.isNumber()) {
      typeIssue(field, "number", value);
      return null;
    }
    return value.asLong();
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
    JsonNode value = body.get(field);
    if (value == null) {
      if (required) {
        typeIssue(field, "array", null);
      }
      return null;
    }
    if (!value.isArray()) {
      typeIssue(field, "array", value);
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
        typeIssue(field, String.join(" | ", quoted(options)), null);
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
      ObjectNode issue = issue("too_small", field, "Array must contain at least 1 element(s)");
      issue.put("minimum", 1).put("type", "array").put("inclusive", true).put("exact", false);
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
    String message = "Invalid enum value. Expected " + String.join(" | ", quoted(options))
        + ", received '" + value.asText() + "'";
    ObjectNode issue = issue("invalid_enum_value", field, message);
    issue.set("received", value);
    issue.set("options", Json.strings(options));
  }

  /** Throws zod's answer to an empty array where a non-empty one is required ({@code .nonempty()}). */
  static void emptyArray(String field) {
    Guard guard = new Guard(Json.object(), "body");
    ObjectNode issue = guard.issue("too_small", field, "Array must contain at least 1 element(s)");
    issue.put("minimum", 1).put("type", "array").put("inclusive", true).put("exact", false);
    guard.check();
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
      ObjectNode issue = issue("too_small", field, "Number must be greater than 0");
      ObjectNode ordered = Json.object().put("code", "too_small").put("minimum", 0).put("type", "number")
          .put("inclusive", false).put("exact", false);
      ordered.set("message", issue.get("message"));
      ordered.set("path", issue.get("path"));
      issues.set(issues.size() - 1, ordered);
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
      typeIssue(field, "integer", "float", false);
      return null;
    }
    if (value < minimum) {
      ObjectNode issue = issue("too_small", field, "Number must be greater than or equal to " + minimum);
      ObjectNode ordered = Json.object().put("code", "too_small").put("minimum", minimum).put("type", "number")
          .put("inclusive", true).put("exact", false);
      ordered.set("message", issue.get("message"));
      ordered.set("path", issue.get("path"));
      issues.set(issues.size() - 1, ordered);
      return null;
    }
    return value;
  }

  /** Reports a string longer than {@code maximum} (zod's {@code max()}); returns null then, else the value. */
  public String atMost(String field, String value, int maximum) {
    if (value == null || value.length() <= maximum) {
      return value;
    }
    ObjectNode issue = issue("too_big", field, "String must contain at most " + maximum + " character(s)");
    ObjectNode ordered = Json.object().put("code", "too_big").put("maximum", maximum).put("type", "string")
        .put("inclusive", true).put("exact", false);
    ordered.set("message", issue.get("message"));
    ordered.set("path", issue.get("path"));
    issues.set(issues.size() - 1, ordered);
    return null;
  }

  /** Whether any check failed so far. */
  public boolean failed() {
    return !issues.isEmpty();
  }

  /** Throws 400 {@code guard.invalid_input} when any check failed. */
  public void check() {
    if (issues.isEmpty()) {
      return;
    }
    ObjectNode data = Json.object();
    data.set("issues", issues);
    data.put("name", "ZodError");
    throw ApiError.of(400, "guard.invalid_input", "The request " + what + " is invalid.", data,
        String.join("\n", details));
  }

  private static List<String> quoted(List<String> options) {
    List<String> quoted = new ArrayList<>();
    options.forEach(option -> quoted.add("'" + option + "'"));
    return quoted;
  }

  private void typeIssue(String field, String expected, JsonNode value) {
    typeIssue(field, expected, Json.zodType(value), value == null);
  }

  private void typeIssue(String field, String expected, String received, boolean missing) {
    ObjectNode issue = issue("invalid_type", field,
        missing ? "Required" : "Expected " + expected + ", received " + received);
    issue.put("expected", expected).put("received", received);
    // zod lists code first, then the types, then path and message: keep that order
    ObjectNode ordered = Json.object();
    ordered.put("code", "invalid_type").put("expected", expected).put("received", received);
    ordered.set("path", issue.get("path"));
    ordered.set("message", issue.get("message"));
    issues.set(issues.size() - 1, ordered);
    details.set(details.size() - 1, "Error in key path \"" + prefix + field + "\": (invalid_type) Expected "
        + expected + " but received " + received + ".");
  }

  private ObjectNode issue(String code, String field, String message) {
    ObjectNode issue = Json.object();
    issue.put("code", code);
    ArrayNode path = Json.array();
    String fullPath = prefix + field;
    if (!fullPath.isEmpty()) {
      for (String part : fullPath.split("\\.")) {
        if (part.chars().allMatch(Character::isDigit)) {
          path.add(Integer.parseInt(part));
        } else {
          path.add(part);
        }
      }
    }
    issue.set("path", path);
    issue.put("message", message);
    issues.add(issue);
    details.add("Error in key path \"" + fullPath + "\": (" + code + ") " + message);
    return issue;
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The zod issues one request part collected, in zod's key order per issue code, with the
 * {@code details} lines Logto joins from them; {@link #check} turns them into Logto's 400
 * {@code guard.invalid_input}. Paths are full dotted key paths ({@code config.items.0.name}).
 */
final class ZodIssues {
  private final String what;
  private final ArrayNode issues = Json.array();
  private final List<String> details = new ArrayList<>();

  /** Issues about the request {@code what} ("body", "files", "params", "query"). */
  ZodIssues(String what) {
    this.what = what;
  }

  boolean isEmpty() {
    return issues.isEmpty();
  }

  /** Throws 400 {@code guard.invalid_input} when any issue was reported. */
  void check() {
    if (issues.isEmpty()) {
      return;
    }
    ObjectNode data = Json.object();
    data.set("issues", issues);
    data.put("name", "ZodError");
    throw ApiError.of(400, "guard.invalid_input", "The request " + what + " is invalid.", data,
        String.join("\n", details));
  }

  void unrecognizedKeys(String path, List<String> unknown) {
    ObjectNode issue = issue("unrecognized_keys", path, "Unrecognized key(s) in object: " + String.join(", ", quoted(unknown)));
    ObjectNode ordered = Json.object().put("code", "unrecognized_keys");
    ordered.set("keys", Json.strings(unknown));
    ordered.set("path", issue.get("path"));
    ordered.set("message", issue.get("message"));
    replaceLast(ordered);
  }

  void discriminator(String path, List<String> options) {
    ObjectNode issue = issue("invalid_union_discriminator", path,
        "Invalid discriminator value. Expected " + String.join(" | ", quoted(options)));
    ObjectNode ordered = Json.object().put("code", "invalid_union_discriminator");
    ordered.set("options", Json.strings(options));
    ordered.set("path", issue.get("path"));
    ordered.set("message", issue.get("message"));
    replaceLast(ordered);
  }

  void invalidString(String path, String validation, String message) {
    ObjectNode issue = issue("invalid_string", path, message);
    ObjectNode ordered = Json.object().put("validation", validation).put("code", "invalid_string");
    ordered.set("message", issue.get("message"));
    ordered.set("path", issue.get("path"));
    replaceLast(ordered);
  }

  /** An empty string or array where zod wants at least one ({@code type}: "string" or "array"). */
  void tooShort(String path, String type) {
    String unit = type.equals("string") ? "String must contain at least 1 character(s)"
        : "Array must contain at least 1 element(s)";
    ObjectNode issue = issue("too_small", path, unit);
    issue.put("minimum", 1).put("type", type).put("inclusive", true).put("exact", false);
  }

  /**
   * A number below {@code minimum}, or not above it when not {@code inclusive}; {@code minimum} is a
   * node so each check keeps the number type it reports with.
   */
  void tooSmallNumber(String path, JsonNode minimum, boolean inclusive, String message) {
    ObjectNode issue = issue("too_small", path, message);
    ObjectNode ordered = Json.object().put("code", "too_small");
    ordered.set("minimum", minimum);
    ordered.put("type", "number").put("inclusive", inclusive).put("exact", false);
    ordered.set("message", issue.get("message"));
    ordered.set("path", issue.get("path"));
    replaceLast(ordered);
  }

  void tooLongString(String path, int maximum) {
    ObjectNode issue = issue("too_big", path, "String must contain at most " + maximum + " character(s)");
    ObjectNode ordered = Json.object().put("code", "too_big").put("maximum", maximum).put("type", "string")
        .put("inclusive", true).put("exact", false);
    ordered.set("message", issue.get("message"));
    ordered.set("path", issue.get("path"));
    replaceLast(ordered);
  }

  void enumValue(String path, List<String> options, JsonNode value) {
    String message = "Invalid enum value. Expected " + String.join(" | ", quoted(options))
        + ", received '" + value.asText() + "'";
    ObjectNode issue = issue("invalid_enum_value", path, message);
    issue.set("received", value);
    issue.set("options", Json.strings(options));
  }

  void type(String path, String expected, JsonNode value) {
    type(path, expected, Json.zodType(value), value == null);
  }

  void type(String path, String expected, String received, boolean missing) {
    ObjectNode issue = issue("invalid_type", path,
        missing ? "Required" : "Expected " + expected + ", received " + received);
    issue.put("expected", expected).put("received", received);
    // zod lists code first, then the types, then path and message: keep that order
    ObjectNode ordered = Json.object();
    ordered.put("code", "invalid_type").put("expected", expected).put("received", received);
    ordered.set("path", issue.get("path"));
    ordered.set("message", issue.get("message"));
    replaceLast(ordered);
    details.set(details.size() - 1, "Error in key path \"" + path + "\": (invalid_type) Expected "
        + expected + " but received " + received + ".");
  }

  static List<String> quoted(List<String> options) {
    List<String> quoted = new ArrayList<>();
    options.forEach(option -> quoted.add("'" + option + "'"));
    return quoted;
  }

  // zod's issue codes differ in key order: each reporter appends the common shape, then reorders it
  private void replaceLast(ObjectNode ordered) {
    issues.set(issues.size() - 1, ordered);
  }

  private ObjectNode issue(String code, String path, String message) {
    ObjectNode issue = Json.object();
    issue.put("code", code);
    ArrayNode keys = Json.array();
    if (!path.isEmpty()) {
      for (String part : path.split("\\.")) {
        if (part.chars().allMatch(Character::isDigit)) {
          keys.add(Integer.parseInt(part));
        } else {
          keys.add(part);
        }
      }
    }
    issue.set("path", keys);
    issue.put("message", message);
    issues.add(issue);
    details.add("Error in key path \"" + path + "\": (" + code + ") " + message);
    return issue;
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sign-in experience's password policy with Logto's defaults filled in (length 8 to 256, one
 * character type, pwned/repetition/user-info checks on, no banned words), and the checks Logto runs,
 * each failure an issue with Logto's code ({@code password_rejected.too_short}, ...). The pwned check
 * needs the internet, so the caller refuses it before {@link #issues} runs.
 */
final class PasswordPolicy {
  private final ObjectNode policy;

  private PasswordPolicy(ObjectNode policy) {
    this.policy = policy;
  }

  /** The stored (partial) policy as Logto completes it. */
  static PasswordPolicy of(JsonNode stored) {
    return new PasswordPolicy(withDefaults(stored.isObject() ? (ObjectNode) stored : Json.object(), true));
  }

  /**
   * Fills the defaults of the sub-objects present ({@code all}: of every sub-object, as the checker
   * sees it; otherwise only of those sent, as a PATCH stores them).
   */
  static ObjectNode withDefaults(ObjectNode partial, boolean all) {
    ObjectNode filled = partial.deepCopy();
    fill(filled, "length", all, Json.object().put("min", 8).put("max", 256));
    fill(filled, "characterTypes", all, Json.object().put("min", 1));
    ObjectNode rejects = Json.object().put("pwned", true).put("repetitionAndSequence", true).put("userInfo", true);
    rejects.set("words", Json.array());
    fill(filled, "rejects", all, rejects);
    return filled;
  }

  private static void fill(ObjectNode policy, String field, boolean all, ObjectNode defaults) {
    JsonNode present = policy.get(field);
    if (present == null && !all) {
      return;
    }
    ObjectNode merged = defaults.deepCopy();
    if (present != null && present.isObject()) {
      merged.setAll((ObjectNode) present);
    }
    policy.set(field, merged);
  }

  boolean rejectsPwned() {
    return policy.at("/rejects/pwned").asBoolean();
  }

  boolean rejectsUserInfo() {
    return policy.at("/rejects/userInfo").asBoolean();
  }

  /** The rules {@code password} breaks, in Logto's issue shape; {@code user} may be null. */
  ArrayNode issues(String password, ObjectNode user) {
    ArrayNode issues = Json.array();
    int min = policy.at("/length/min").asInt();
    int max = policy.at("/length/max").asInt();
    if (password.length() < min) {
      issues.add(issue("password_rejected.too_short", Json.object().put("min", min)));
    }
    if (password.length() > max) {
      issues.add(issue("password_rejected.too_long", Json.object().put("max", max)));
    }
    int types = policy.at("/characterTypes/min").asInt();
    if (characterTypes(password) < types) {
      issues.add(issue("password_rejected.character_types", Json.object().put("min", types)));
    }
    if (policy.at("/rejects/repetitionAndSequence").asBoolean()) {
      if (hasRepetition(password)) {
        issues.add(issue("password_rejected.restricted.repetition", null));
      }
      if (hasSequence(password)) {
        issues.add(issue("password_rejected.restricted.sequence", null));
      }
    }
    if (user != null && rejectsUserInfo() && containsUserInfo(password, user)) {
      issues.add(issue("password_rejected.restricted.user_info", null));
    }
    String lower = password.toLowerCase(Locale.ROOT);
    for (JsonNode word : policy.at("/rejects/words")) {
      if (!word.asText().isEmpty() && lower.contains(word.asText().toLowerCase(Locale.ROOT))) {
        issues.add(issue("password_rejected.restricted.words", null));
        break;
      }
    }
    return issues;
  }

  private static ObjectNode issue(String code, ObjectNode interpolation) {
    ObjectNode issue = Json.object().put("code", code);
    if (interpolation != null) {
      issue.set("interpolation", interpolation);
    }
    return issue;
  }

  private static int characterTypes(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean symbol = false;
    for (char c : password.toCharArray()) {
      lower |= Character.isLowerCase(c);
      upper |= Character.isUpperCase(c);
      digit |= Character.isDigit(c);
      symbol |= !Character.isLetterOrDigit(c);
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
  }

  // three or more of the same character in a row
  private static boolean hasRepetition(String password) {
    for (int i = 2; i < password.length(); i++) {
      if (password.charAt(i) == password.charAt(i - 1) && password.charAt(i) == password.charAt(i - 2)) {
        return true;
      }
    }
    return false;
  }

  // three or more consecutive letters or digits, up or down ("abc", "321")
  private static boolean hasSequence(String password) {
    String lower = password.toLowerCase(Locale.ROOT);
    for (int i = 2; i < lower.length(); i++) {
      char a = lower.charAt(i - 2);
      char b = lower.charAt(i - 1);
      char c = lower.charAt(i);
      boolean sameKind = Character.isLetterOrDigit(a) && Character.isLetter(a) == Character.isLetter(c);
      if (sameKind && (b - a == 1 && c - b == 1 || a - b == 1 && b - c == 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsUserInfo(String password, ObjectNode user) {
    String lower = password.toLowerCase(Locale.ROOT);
    List<String> values = new ArrayList<>();
    for (String field : List.of("username", "primaryPhone", "name")) {
      values.add(user.path(field).asText(""));
    }
    String email = user.path("primaryEmail").asText("");
    values.add(email);
    values.add(email.contains("@") ? email.substring(0, email.indexOf('@')) : "");
    for (String value : values) {
      if (value.length() >= 3 && lower.contains(value.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Logto's two searches of a list: the advanced one of users, roles and applications ({@code search},
 * {@code search.<field>}, modes, joints) and the plain {@code q} of organizations and their relations.
 */
final class Search {
  private Search() {}

  /**
   * Logto's advanced search: {@code search} matches any of {@code searchFields} (of a user: id, email,
   * phone, username and name); {@code search.<field>} one field (several values of a field: any of them). {@code mode.<field>} or
   * {@code mode} picks {@code like} (default: SQL LIKE, {@code %} and {@code _} wildcards, no implicit
   * {@code %}), {@code exact}, {@code posix} or {@code similar_to} (treated as {@code posix}); case-insensitive
   * unless {@code isCaseSensitive=true}; fields combine with {@code joint} / {@code jointMode} (default
   * {@code or}).
   */
  static Predicate<ObjectNode> advanced(Call call, List<String> searchFields) {
    boolean caseSensitive = "true".equals(call.query("isCaseSensitive"));
    String joint = call.query("joint") != null ? call.query("joint") : call.query("jointMode");
    String defaultMode = call.query("mode") == null ? "like" : call.query("mode");
    Map<String, List<Predicate<ObjectNode>>> byField = new LinkedHashMap<>();
    for (String[] pair : call.rawQuery()) {
      String key = OperationTable.decode(pair[0]);
      String value = OperationTable.decode(pair[1]);
      if (key.equals("search")) {
        Pattern pattern = pattern(value, defaultMode, caseSensitive);
        byField.computeIfAbsent("", k -> new ArrayList<>())
            .add(user -> searchFields.stream().anyMatch(field -> matches(user, field, pattern)));
      } else if (key.startsWith("search.")) {
        String field = key.substring("search.".length());
        String mode = call.query("mode." + field);
        Pattern pattern = pattern(value, mode == null ? defaultMode : mode, caseSensitive);
        byField.computeIfAbsent(field, k -> new ArrayList<>()).add(user -> matches(user, field, pattern));
      }
    }
    if (byField.isEmpty()) {
      return user -> true;
    }
    List<Predicate<ObjectNode>> conditions = new ArrayList<>();
    byField.values().forEach(values -> conditions.add(user -> values.stream().anyMatch(v -> v.test(user))));
    return user -> "and".equals(joint)
        ? conditions.stream().allMatch(c -> c.test(user))
        : conditions.stream().anyMatch(c -> c.test(user));
  }

  private static boolean matches(ObjectNode user, String field, Pattern pattern) {
    JsonNode value = user.get(field);
    return value != null && value.isTextual() && pattern.matcher(value.asText()).matches();
  }

  private static Pattern pattern(String value, String mode, boolean caseSensitive) {
    int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    switch (mode.toLowerCase(Locale.ROOT)) {
      case "exact":
        return Pattern.compile(Pattern.quote(value), flags);
      case "posix":
      case "similar_to":
        return Pattern.compile(".*(?:" + value + ").*", flags);
      default:
        StringBuilder regex = new StringBuilder();
        for (char c : value.toCharArray()) {
          if (c == '%') {
            regex.append(".*");
          } else if (c == '_') {
            regex.append('.');
          } else {
            regex.append(Pattern.quote(String.valueOf(c)));
          }
        }
        return Pattern.compile(regex.toString(), flags | Pattern.DOTALL);
    }
  }

  /** Logto's {@code q}: a case-insensitive substring of the id or name (username/email for members). */
  static List<ObjectNode> substring(String q, List<ObjectNode> items) {
    if (q == null || q.isEmpty()) {
      return items;
    }
    String needle = q.toLowerCase(Locale.ROOT);
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode item : items) {
      for (String field : List.of("id", "name", "username", "primaryEmail")) {
        JsonNode value = item.get(field);
        if (value != null && value.isTextual() && value.asText().toLowerCase(Locale.ROOT).contains(needle)) {
          found.add(item);
          break;
        }
      }
    }
    return found;
  }
}

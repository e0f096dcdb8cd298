package io.logto.management.core.internal.text;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Expands {@code /api/users/{userId}} templates, encoding each parameter as one path segment. */
public final class PathTemplate {
  private PathTemplate() {}

  /**
   * Checks the template's shape and reads its parameter names, once per request built.
   *
   * @param template the template
   * @return the parameter names in order; empty for a template without parameters
   * @throws IllegalArgumentException if it does not start with {@code /} or has unbalanced braces
   */
  public static Set<String> parameters(String template) {
    requireNonNull(template, "pathTemplate == null");
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("pathTemplate must start with '/': " + template);
    }
    if (template.indexOf('{') < 0 && template.indexOf('}') < 0) {
      return Set.of(); // most paths have no parameters
    }
    return names(template);
  }

  /**
   * Checks that exactly the template's parameters are bound.
   *
   * @param template the template, for messages
   * @param names its parameters, from {@link #parameters(String)}
   * @param bound the bound parameter names
   * @throws IllegalArgumentException naming the first missing or unknown parameter
   */
  public static void checkBound(String template, Set<String> names, Set<String> bound) {
    if (names.isEmpty() && bound.isEmpty()) {
      return; // most paths: no iterator to make
    }
    for (String name : names) {
      if (!bound.contains(name)) {
        throw new IllegalArgumentException("path parameter '" + name + "' is missing for " + template);
      }
    }
    for (String name : bound) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException("path parameter '" + name + "' is not in " + template);
      }
    }
  }

  /**
   * Replaces every {@code {name}} by its encoded value.
   *
   * @param template the template
   * @param values the raw values by name
   * @return the encoded path
   */
  public static String expand(String template, Map<String, String> values) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, i, open);
      String name = template.substring(open + 1, close);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("path parameter '" + name + "' is missing for " + template);
      }
      out.append(PercentEncoding.segment(value));
      i = close + 1;
    }
    return out.toString();
  }

  private static Set<String> names(String template) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    while (true) {
      int open = template.indexOf('{', i);
      int stray = template.indexOf('}', i);
      if (open < 0) {
        if (stray >= 0) {
          throw new IllegalArgumentException("unbalanced '}' in pathTemplate: " + template);
        }
        return names;
      }
      int close = template.indexOf('}', open);
      if (close < 0 || (stray >= 0 && stray < open) || template.indexOf('{', open + 1) >= 0
          && template.indexOf('{', open + 1) < close) {
        throw new IllegalArgumentException("unbalanced '{' in pathTemplate: " + template);
      }
      String name = template.substring(open + 1, close);
      if (name.isBlank()) {
        throw new IllegalArgumentException("empty parameter name in pathTemplate: " + template);
      }
      names.add(name);
      i = close + 1;
    }
  }
}

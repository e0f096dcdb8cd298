package io.logto.management.codegen.spec;

import io.logto.management.codegen.naming.Names;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The names of a oneOf's variants and the values they pin: a variant is named after the constant
 * that tells it apart ({@code CreateUserMfaVerificationRequestTotp}) or the property only it
 * requires, else {@code Option1..n}.
 */
@SuppressWarnings("rawtypes") // swagger-parser declares Schema.getProperties() with a raw Schema
final class Variants {
  private final UnaryOperator<Schema<?>> deref;

  Variants(UnaryOperator<Schema<?>> deref) {
    this.deref = deref;
  }

  /**
   * Readable variant names from a property every variant requires and pins to a distinct constant
   * (Logto writes constants as {@code format: "\"Totp\""} or a one-value enum); else Option1..n.
   */
  List<String> suffixes(List<Schema<?>> variants) {
    // the property pinned (one allowed value) in most variants, with distinct values
    Map<String, Map<Integer, String>> pinned = new TreeMap<>();
    for (int i = 0; i < variants.size(); i++) {
      for (Map.Entry<String, Set<String>> c : constants(variants.get(i)).entrySet()) {
        if (c.getValue().size() == 1) {
          pinned.computeIfAbsent(c.getKey(), k -> new TreeMap<>()).put(i, c.getValue().iterator().next());
        }
      }
    }
    Map<Integer, String> best = Map.of();
    for (Map<Integer, String> values : pinned.values()) {
      boolean distinct = new LinkedHashSet<>(values.values()).size() == values.size();
      if (distinct && values.size() > best.size()) {
        best = values;
      }
    }
    List<String> suffixes = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (int i = 0; i < variants.size(); i++) {
      String suffix =
          best.containsKey(i)
              ? Names.pascal(best.get(i))
              : uniqueRequired(variants, i).map(Names::pascal).orElse("Option" + (i + 1));
      if (!used.add(suffix)) {
        suffix = "Option" + (i + 1);
        used.add(suffix);
      }
      suffixes.add(suffix);
    }
    return suffixes;
  }

  /** The first property only variant {@code i} requires ({@code email} vs {@code phone}). */
  private static Optional<String> uniqueRequired(List<Schema<?>> variants, int i) {
    List<String> own = variants.get(i).getRequired() == null ? List.of() : variants.get(i).getRequired();
    for (String property : own) {
      boolean unique = true;
      for (int j = 0; j < variants.size() && unique; j++) {
        List<String> other = variants.get(j).getRequired();
        unique = j == i || other == null || !other.contains(property);
      }
      if (unique) {
        return Optional.of(property);
      }
    }
    return Optional.empty();
  }

  Map<String, Set<String>> constants(Schema<?> v) {
    Map<String, Set<String>> out = new TreeMap<>();
    if (v.getProperties() == null) {
      return out;
    }
    for (Map.Entry<String, Schema> p : v.getProperties().entrySet()) {
      Schema<?> ps = deref.apply(p.getValue());
      if (ps == null) {
        continue;
      }
      if (ps.getEnum() != null && !ps.getEnum().isEmpty()) {
        Set<String> values = new LinkedHashSet<>();
        for (Object o : ps.getEnum()) {
          values.add(String.valueOf(o));
        }
        out.put(p.getKey(), values);
      } else if (ps.getFormat() != null) {
        String f = ps.getFormat();
        if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
          out.put(p.getKey(), Set.of(f.substring(1, f.length() - 1)));
        } else if ("boolean".equals(ps.getType()) && (f.equals("true") || f.equals("false"))) {
          out.put(p.getKey(), Set.of(f));
        }
      }
    }
    return out;
  }
}

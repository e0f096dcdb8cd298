package io.logto.management.codegen.emit;

import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.ArrayList;
import java.util.List;

/** Makes document text safe inside Javadoc. */
final class Docs {
  private Docs() {}

  /**
   * Describes a record property or query parameter for a {@code @param} tag, e.g. {@code the
   * <code>name</code> property (optional, nullable, maxLength 128)}.
   */
  static String describe(String wireName, String kind, boolean required, boolean nullable, String facts) {
    List<String> flags = new ArrayList<>();
    flags.add(required ? "required" : "optional");
    if (nullable) {
      flags.add("nullable");
    }
    if (!facts.isEmpty()) {
      flags.add(facts);
    }
    return "the <code>" + escape(wireName) + "</code> " + kind + " ("
        + escape(String.join(", ", flags)) + ")";
  }

  /**
   * Describes a path parameter: which id it takes (from its name: {@code organizationRoleId} is the
   * id of an organization role), or the values an enum parameter takes.
   */
  static String pathParam(String wireName, TypeRef type, java.util.Map<String, TypeDef> types) {
    String text = "the <code>" + escape(wireName) + "</code> path parameter";
    if (type instanceof TypeRef.Named n && types.get(n.name()) instanceof TypeDef.EnumDef e) {
      return text + ", one of " + values(e.values());
    }
    List<String> words = io.logto.management.codegen.naming.Names.words(wireName);
    if (words.size() > 1 && words.get(words.size() - 1).equalsIgnoreCase("id")) {
      List<String> noun = new ArrayList<>();
      for (String w : words.subList(0, words.size() - 1)) {
        noun.add(w.toLowerCase(java.util.Locale.ROOT));
      }
      return text + ": the id of the " + escape(String.join(" ", noun));
    }
    return text;
  }

  /** The wire values of an enum for Javadoc: {@code <code>a</code>, <code>b</code>}. */
  static String values(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.add("<code>" + escape(v) + "</code>");
    }
    return String.join(", ", out);
  }

  /** Escapes HTML, at-signs, braces and comment terminators so text reads literally in Javadoc. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        case '\\' -> out.append("&#92;");
        case '*' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '/' ? "&#42;" : "*");
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

package io.logto.management.codegen.emit;

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

package io.logto.management.codegen.emit;

/** Makes document text safe inside Javadoc. */
final class Docs {
  private Docs() {}

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

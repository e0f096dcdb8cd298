package io.logto.management.codegen.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Pure functions turning document names into Java names. */
public final class Names {
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
          "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
          "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
          "long", "native", "new", "package", "private", "protected", "public", "return", "short",
          "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws",
          "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "record",
          "yield", "sealed", "permits");

  private Names() {}

  /**
   * Splits a name into words at non-alphanumerics and case changes: {@code "SAMLRequest"} gives
   * {@code [SAML, Request]}, {@code "page_size"} gives {@code [page, size]}.
   *
   * @param name any name
   * @return its words in order
   */
  public static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(words, word);
        continue;
      }
      if (word.length() > 0) {
        char prev = word.charAt(word.length() - 1);
        boolean lowerToUpper = Character.isUpperCase(c) && !Character.isUpperCase(prev);
        boolean acronymEnd =
            Character.isUpperCase(c)
                && Character.isUpperCase(prev)
                && i + 1 < n
                && Character.isLowerCase(name.charAt(i + 1));
        if (lowerToUpper || acronymEnd) {
          flush(words, word);
        }
      }
      word.append(c);
    }
    flush(words, word);
    return words;
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  /**
   * {@code "sign-in experience"} -> {@code "SignInExperience"}; acronyms become capitalised words.
   *
   * @param name any name
   * @return the name in PascalCase
   */
  public static String pascal(String name) {
    StringBuilder out = new StringBuilder();
    for (String w : words(name)) {
      out.append(capitalize(w));
    }
    String s = out.toString();
    if (s.isEmpty()) {
      return "Empty";
    }
    return Character.isDigit(s.charAt(0)) ? "V" + s : s;
  }

  /**
   * {@code "page_size"} -> {@code "pageSize"}, {@code "SAMLRequest"} -> {@code "samlRequest"}.
   *
   * @param name any name
   * @return the name in camelCase, a Java keyword suffixed with {@code _}
   */
  public static String camel(String name) {
    String p = pascal(name);
    String s = Character.toLowerCase(p.charAt(0)) + p.substring(1);
    return KEYWORDS.contains(s) ? s + "_" : s;
  }

  /**
   * {@code "MachineToMachine"} -> {@code "MACHINE_TO_MACHINE"}; empty -> {@code "EMPTY"}.
   *
   * @param value an enum's wire value
   * @return the constant's name
   */
  public static String constant(String value) {
    List<String> words = words(value);
    if (words.isEmpty()) {
      return "EMPTY";
    }
    String s = String.join("_", words).toUpperCase(Locale.ROOT);
    return Character.isDigit(s.charAt(0)) ? "V_" + s : s;
  }

  /**
   * Upper-cases the first letter and lower-cases the rest: {@code "SAML"} -> {@code "Saml"}.
   *
   * @param word one word
   * @return the capitalised word
   */
  public static String capitalize(String word) {
    if (word.isEmpty()) {
      return word;
    }
    return Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether {@code word} equals {@code noun} or one of its plural forms, ignoring case.
   *
   * @param word a word of a name
   * @param noun a tag's noun
   * @return whether they match
   */
  public static boolean nounMatches(String word, String noun) {
    String w = word.toLowerCase(Locale.ROOT);
    String n = noun.toLowerCase(Locale.ROOT);
    if (w.equals(n) || w.equals(n + "s") || w.equals(n + "es")) {
      return true;
    }
    return n.endsWith("y") && w.equals(n.substring(0, n.length() - 1) + "ies");
  }

  /**
   * The singular of a plural English word, good enough for tag nouns.
   *
   * @param word a plural word
   * @return its singular
   */
  public static String singular(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (w.endsWith("sses") || w.endsWith("xes")) {
      return word.substring(0, word.length() - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /**
   * The method name for an operation: the operationId minus the tag noun ({@code ListUserRoles}
   * with noun {@code [User]} gives {@code listRoles}).
   *
   * @param operationId the operationId
   * @param noun the tag's noun words
   * @return the method name
   */
  public static String methodName(String operationId, List<String> noun) {
    List<String> words = words(operationId);
    for (int i = 1; i + noun.size() <= words.size(); i++) {
      boolean match = true;
      for (int j = 0; j < noun.size() && match; j++) {
        String w = words.get(i + j);
        String nw = noun.get(j);
        match = j == noun.size() - 1 ? nounMatches(w, nw) : w.equalsIgnoreCase(nw);
      }
      if (match) {
        List<String> rest = new ArrayList<>(words.subList(0, i));
        rest.addAll(words.subList(i + noun.size(), words.size()));
        return camel(String.join(" ", rest));
      }
    }
    return camel(operationId);
  }
}

package io.logto.management.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the emulator's sources (code only: comments and literals are dropped) and fails when a route
 * class names another route class: what two route classes share belongs to the store, the entity's own
 * class or a small class named for what it does, so each route class can change alone. Nor does a route
 * class name {@code EmulatorServer}: what a handler needs of its request (the operation it was routed to,
 * for a 501) comes with the {@link Call}, so the server depends on the routes and never the other way.
 */
final class RouteIndependenceTest {
  private static final Path SOURCES = Path.of("src/main/java/io/logto/management/testkit/internal");
  private static final Pattern ROUTE_CLASS = Pattern.compile("\\b[A-Z]\\w*Routes\\b");
  private static final Pattern SERVER = Pattern.compile("\\bEmulatorServer\\b");

  @Test
  void noRouteClassNamesAnother() throws IOException {
    Map<String, String> sources = routeSources();
    List<String> references = new ArrayList<>();
    sources.forEach((name, text) -> otherRoutes(name, text).forEach(other -> references.add(name + " -> " + other)));

    assertThat(references).as("route classes naming another route class (move the shared helper to the store,"
        + " the entity's class or a small class named for what it does)").isEmpty();
  }

  @Test
  void noRouteClassNamesTheServer() throws IOException {
    List<String> naming = routeSources().entrySet().stream()
        .filter(source -> SERVER.matcher(code(source.getValue())).find()).map(Map.Entry::getKey).toList();

    assertThat(naming).as("route classes naming EmulatorServer (take what the handler needs from its Call or"
        + " from Declarations)").isEmpty();
    assertThat(SERVER.matcher(code("class A { Reply r() { return EmulatorServer.x(); } }")).find()).isTrue();
    assertThat(SERVER.matcher(code("class A { /** see EmulatorServer */ String s = \"EmulatorServer\"; }")).find())
        .isFalse();
  }

  // every *Routes.java of the emulator, by class name
  private static Map<String, String> routeSources() throws IOException {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.filter(path -> path.toString().endsWith("Routes.java")).toList()) {
        String name = file.getFileName().toString();
        sources.put(name.substring(0, name.length() - ".java".length()), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    // the emulator has some forty route classes: an empty scan must not pass
    assertThat(sources).as("route classes read from " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(30);
    return sources;
  }

  @Test
  void findsAReferenceInCodeButNotInCommentsOrLiterals() {
    String source = """
        /** Unlike {@link CommentRoutes}, this one. */
        final class UserRoutes {
          // SeeAlsoRoutes
          String url = "http://x/TextRoutes"; char c = '"';
          void f() { OrganizationRoutes.roleRefs(null); UserRoutes self = this; /* BlockRoutes */ }
          String block = \"""
              TextBlockRoutes
              \""";
          HookRoutes hooks;
        }
        """;

    assertThat(otherRoutes("UserRoutes", source)).containsExactly("HookRoutes", "OrganizationRoutes");
  }

  /** The route classes other than {@code self} that the code of {@code source} names, sorted. */
  static Set<String> otherRoutes(String self, String source) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = ROUTE_CLASS.matcher(code(source));
    while (matcher.find()) {
      if (!matcher.group().equals(self)) {
        found.add(matcher.group());
      }
    }
    return found;
  }

  /** The source with comments, string, text block and character literals replaced by spaces. */
  static String code(String source) {
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      int end;
      if (source.startsWith("//", i)) {
        end = source.indexOf('\n', i);
      } else if (source.startsWith("/*", i)) {
        end = closed(source.indexOf("*/", i + 2), 2);
      } else if (source.startsWith("\"\"\"", i)) {
        end = closed(source.indexOf("\"\"\"", i + 3), 3);
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        end = literalEnd(source, i);
      } else {
        code.append(source.charAt(i++));
        continue;
      }
      end = end <= i ? source.length() : end;
      code.append(" ");
      i = end;
    }
    return code.toString();
  }

  // the end after a closing mark found at index (or -1 when there is none)
  private static int closed(int index, int markLength) {
    return index < 0 ? -1 : index + markLength;
  }

  private static int literalEnd(String source, int start) {
    char quote = source.charAt(start);
    int i = start + 1;
    while (i < source.length() && source.charAt(i) != quote) {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }
}

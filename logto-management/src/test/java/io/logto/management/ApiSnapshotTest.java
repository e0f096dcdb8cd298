package io.logto.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public type and method names of the generated API equal the committed snapshot {@code
 * src/test/resources/api-snapshot.txt}, so every rename or removal shows in review. After an intended
 * change, refresh it with {@code -Dsnapshot.update=true} and review the diff. Also holds the naming
 * rules a reviewer expects: no type name over 60 characters, none numbered {@code OptionN}.
 */
final class ApiSnapshotTest {
  private static final Path SOURCES = Path.of("src/generated/java");
  private static final Path SNAPSHOT = Path.of("src/test/resources/api-snapshot.txt");

  @Test
  void publicApiMatchesTheSnapshot() throws IOException {
    String actual = String.join("\n", snapshot()) + "\n";
    if (Boolean.getBoolean("snapshot.update")) {
      Files.writeString(SNAPSHOT, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
  }

  @Test
  void typeNamesAreShortAndNeverNumbered() throws IOException {
    List<String> names = new ArrayList<>();
    for (Class<?> c : generatedClasses()) {
      names.add(c.getSimpleName());
    }
    assertThat(names).hasSizeGreaterThan(100);
    assertThat(names).allSatisfy(n -> assertThat(n.length()).as(n).isLessThanOrEqualTo(60));
    assertThat(names).noneMatch(n -> n.matches(".*Option\\d+.*"));
  }

  private static List<String> snapshot() throws IOException {
    TreeSet<String> lines = new TreeSet<>();
    for (Class<?> top : generatedClasses()) {
      List<Class<?>> all = new ArrayList<>();
      collect(top, all);
      for (Class<?> c : all) {
        String type = c.getName().substring("io.logto.management.".length());
        lines.add(type + " " + kind(c));
        for (Method m : c.getDeclaredMethods()) {
          if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
            String params = Arrays.stream(m.getGenericParameterTypes())
                .map(t -> t.getTypeName().replace("io.logto.management.", "").replace("java.lang.", ""))
                .collect(Collectors.joining(", "));
            lines.add(type + " " + m.getName() + "(" + params + ")");
          }
        }
      }
    }
    return new ArrayList<>(lines);
  }

  private static void collect(Class<?> c, List<Class<?>> out) {
    if (!Modifier.isPublic(c.getModifiers())) {
      return;
    }
    out.add(c);
    for (Class<?> nested : c.getDeclaredClasses()) {
      collect(nested, out);
    }
  }

  private static String kind(Class<?> c) {
    if (c.isRecord()) {
      return "record";
    }
    if (c.isEnum()) {
      return "enum";
    }
    return c.isInterface() ? "interface" : "class";
  }

  static List<Class<?>> generatedClasses() throws IOException {
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String name = SOURCES.relativize(p).toString().replace('\\', '/').replace('/', '.').replaceAll("\\.java$", "");
        try {
          out.add(Class.forName(name));
        } catch (ClassNotFoundException e) {
          throw new AssertionError("generated source without class: " + name, e);
        }
      }
    }
    return out;
  }
}

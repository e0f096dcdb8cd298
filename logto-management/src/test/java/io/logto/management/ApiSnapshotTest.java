package io.logto.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.testsupport.ApiSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public type and method names of the generated API equal the committed snapshot {@code
 * src/test/resources/api-snapshot.txt}, so every rename or removal shows in review. After an intended
 * change, refresh it with {@code -Dapi.snapshot.update=true} and review the diff. Also holds the naming
 * rules a reviewer expects: no type name over 60 characters, none numbered {@code OptionN}.
 */
final class ApiSnapshotTest {
  private static final Path SOURCES = Path.of("src/generated/java");
  private static final Path SNAPSHOT = Path.of("src/test/resources/api-snapshot.txt");

  @Test
  void publicApiMatchesTheSnapshot() {
    ApiSnapshot.of(SNAPSHOT, "io.logto.management", "io.logto.management.model", "io.logto.management.service")
        .namesOnly("io.logto.management.")
        .check();
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

package io.logto.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's golden output (written by the codegen module's tests, which cannot see core)
 * compiles against the real core with {@code -Xlint:all -Werror}.
 */
final class GoldenSourcesCompileTest {
  private static final Path GOLDEN =
      Path.of("../logto-management-codegen/src/test/resources/expected/widgets");

  @Test
  void goldenSourcesCompileWithoutWarnings(@TempDir Path out) throws IOException {
    List<String> sources;
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    assertThat(sources).hasSizeGreaterThan(10);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    List<String> args =
        List.of(
            "--release", "17", "-Xlint:all,-processing,-serial", "-Xdoclint:all/protected", "-Werror",
            "-classpath", System.getProperty("java.class.path"), "-d", out.toString());
    int status;
    try (var files = javac.getStandardFileManager(null, null, null)) {
      var units = files.getJavaFileObjectsFromStrings(sources);
      status = javac.getTask(diagnostics, files, null, args, null, units).call() ? 0 : 1;
    }
    assertThat(diagnostics.toString()).isEmpty();
    assertThat(status).isZero();
  }
}

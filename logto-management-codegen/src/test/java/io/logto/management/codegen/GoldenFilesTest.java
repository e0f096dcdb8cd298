package io.logto.management.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.management.codegen.emit.SourceWriter;
import io.logto.management.codegen.model.GenerationException;
import io.logto.management.codegen.naming.Overrides;
import io.logto.management.codegen.spec.Corrections;
import io.logto.management.testsupport.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's output for small documents written for these tests equals the golden files in
 * {@code src/test/resources/expected/<spec>}. After an intended change, refresh them with {@code
 * ./mvnw -B -q -pl logto-management-codegen verify -Dgolden.update=true} and review the diff.
 */
final class GoldenFilesTest {
  private static final Path SPECS = Path.of("src/test/resources/specs");
  private static final Path EXPECTED = Path.of("src/test/resources/expected");

  private static Map<String, String> render(String spec) {
    return Main.render(SPECS.resolve(spec).toString(), Overrides.none(), Corrections.none());
  }

  @Test
  void widgetsDocumentMatchesTheGoldenFiles() throws IOException {
    assertMatchesGolden(render("widgets.yaml"), "widgets");
  }

  /**
   * The corrections rules: a void response, epoch seconds and milliseconds, a decimal, a string list,
   * added properties, a boolean query parameter, a placeholder-keyed component as a map; and the
   * rules needing no correction: {@code ...At} numbers as {@code Instant}, other numbers as
   * {@code long}, a oneOf of the texts "true" and "false" as {@code Boolean}, an enum path parameter
   * as its open enum.
   */
  @Test
  void correctedDocumentMatchesTheGoldenFiles() throws IOException {
    Map<String, String> actual =
        Main.render(
            SPECS.resolve("corrected.yaml").toString(),
            Overrides.none(),
            Corrections.load(SPECS.resolve("corrected.corrections.txt")));
    assertMatchesGolden(actual, "corrected");
  }

  @Test
  void aCorrectionMatchingNothingFailsNamingIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.txt");
    Files.writeString(file, "GetGadget response:nothing epoch-millis recordings-sweep/x.json\n");
    assertThatThrownBy(
            () -> Main.render(SPECS.resolve("corrected.yaml").toString(), Overrides.none(), Corrections.load(file)))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("GetGadget response:nothing epoch-millis matches nothing");
  }

  private static void assertMatchesGolden(Map<String, String> actual, String name) throws IOException {
    Path dir = EXPECTED.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      SourceWriter.write(actual, dir);
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        expected.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    actual.forEach((path, content) -> assertThat(content).as(path).isEqualTo(expected.get(path)));
  }

  @Test
  void outputIsByteIdenticalAcrossRuns() {
    assertThat(render("widgets.yaml")).isEqualTo(render("widgets.yaml"));
  }

  @Test
  void twoSchemasOnOneNameFailWithBothOrigins() {
    assertThatThrownBy(() -> render("type-collision.yaml"))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("type name collision: GetThingResponse")
        .hasMessageContaining("#/paths/~1api~1things/get/responses/200")
        .hasMessageContaining("#/components/schemas/GetThingResponse")
        .hasMessageContaining("type.GetThingResponse=");
  }

  @Test
  void twoOperationsOnOneMethodNameFailNamingBoth() {
    assertThatThrownBy(() -> render("method-collision.yaml"))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("DeleteThing and DeleteThings both give delete()")
        .hasMessageContaining("method.<operationId>");
  }

  @Test
  void writerRewritesOnlyChangesAndDeletesStaleFiles(@TempDir Path out) throws IOException {
    Map<String, String> files = render("widgets.yaml");
    Path stale = out.resolve("io/logto/management/model/Gone.java");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "class Gone {}");
    Files.createDirectories(out.resolve("old/empty/pkg"));
    Files.writeString(out.resolve("old/empty/pkg/Old.java"), "class Old {}");

    assertThat(SourceWriter.write(files, out)).isEqualTo(files.size() + 2);
    assertThat(stale).doesNotExist();
    assertThat(out.resolve("old")).doesNotExist();
    assertThat(SourceWriter.write(files, out)).isZero();
    for (Map.Entry<String, String> e : files.entrySet()) {
      assertThat(out.resolve(e.getKey())).hasContent(e.getValue());
    }
  }

  @Test
  void readsTheDocumentFromAnHttpUrlAsFromAFile() throws IOException {
    String yaml = Files.readString(SPECS.resolve("widgets.yaml"));
    try (TestServer server = TestServer.start()) {
      server.replies(
          "/api/.well-known/management.openapi.json", TestServer.Reply.text(200, "application/yaml", yaml));
      String url = server.baseUrl() + "/api/.well-known/management.openapi.json";
      assertThat(Main.render(url, Overrides.none(), Corrections.none())).isEqualTo(render("widgets.yaml"));
    }
  }

  @Test
  void cliWritesTheSourcesOfAFileDocument(@TempDir Path out) {
    int changed =
        Main.generate(
            SPECS.resolve("widgets.yaml").toString(),
            out,
            SPECS.resolve("none.overrides.properties"),
            SPECS.resolve("none.corrections.txt"));
    assertThat(changed).isEqualTo(render("widgets.yaml").size());
    assertThat(out.resolve("io/logto/management/service/WidgetsService.java")).exists();
  }
}

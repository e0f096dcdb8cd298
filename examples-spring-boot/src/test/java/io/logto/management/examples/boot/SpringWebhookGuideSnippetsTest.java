package io.logto.management.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/webhooks-spring.md shows code of this module: each Java snippet is a run of its source lines. */
final class SpringWebhookGuideSnippetsTest {
  @Test
  void everyJavaSnippetIsCodeOfThisModule() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    List<String> source = new ArrayList<>();
    try (Stream<Path> files = Files.walk(module.resolve("src"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
        source.addAll(codeLines(Files.readString(file)));
      }
    }
    Matcher snippet = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(module.resolveSibling("docs").resolve("webhooks-spring.md")));
    List<String> firstLines = new ArrayList<>();
    while (snippet.find()) {
      List<String> lines = codeLines(snippet.group(1));
      firstLines.add(lines.get(0));
      assertThat(Collections.indexOfSubList(source, lines)).as(lines.get(0)).isNotNegative();
    }
    assertThat(firstLines).containsExactly("@Component", "@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)");
  }

  // indentation and blank lines aside
  private static List<String> codeLines(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}

package io.logto.management.examples;

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

/** Every Java snippet of docs/webhooks.md is code of this module, line for line (indentation aside). */
final class WebhookGuideSnippetsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everySnippetOfTheGuideCompilesHere() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    String guide = Files.readString(module.resolveSibling("docs").resolve("webhooks.md"));
    List<String> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(module.resolve("src"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.addAll(lines(Files.readString(file)));
      }
    }

    Matcher block = JAVA_BLOCK.matcher(guide);
    int snippets = 0;
    while (block.find()) {
      List<String> snippet = lines(block.group(1));
      assertThat(Collections.indexOfSubList(sources, snippet)).as("snippet starting %s", snippet.get(0))
          .isNotNegative();
      snippets++;
    }
    assertThat(snippets).isEqualTo(6);
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}

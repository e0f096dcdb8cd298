package io.logto.management.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.testkit.LogtoEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * docs/testing.md lists every operation of the emulator's table, and marks 501 exactly the operations
 * the emulator does not support, so the guide cannot fall behind an operation added or emulated.
 */
final class TestingGuideOperationsTest {
  private static final String TABLE = "/io/logto/management/testkit/internal/operations.tsv";

  @Test
  void theGuideNamesEveryOperationAndMarksEveryUnsupportedOne() throws IOException {
    List<String> operations = operationIds();
    String guide = String.join("\n", RepositoryDocs.lines(RepositoryDocs.root().resolve("docs/testing.md")));
    List<String> index = Arrays.stream(guide.substring(guide.indexOf("## Every operation")).split("\n"))
        .filter(line -> line.startsWith("- `/")).toList();
    List<String> supported;
    try (LogtoEmulator emulator = LogtoEmulator.start()) {
      supported = emulator.supportedOperations();
    }

    assertThat(operations).hasSize(284);
    for (String operation : operations) {
      String entry = index.stream().flatMap(line -> Arrays.stream(line.split(", ")))
          .filter(part -> part.contains("`" + operation + "`")).findFirst().orElse(null);
      assertThat(entry).as("docs/testing.md, 'Every operation', names %s", operation).isNotNull();
      assertThat(entry.contains("**501**")).as("%s marked 501 in docs/testing.md", operation)
          .isEqualTo(!supported.contains(operation));
    }
  }

  private static List<String> operationIds() throws IOException {
    try (InputStream in = Objects.requireNonNull(LogtoEmulator.class.getResourceAsStream(TABLE), TABLE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("\t")[2]).toList();
    }
  }
}

package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Every operation the OpenAPI document tags Users, Organizations or Applications is emulated. */
final class PartOneCoverageTest {
  private static final List<String> TAGS = List.of("Users", "Organizations", "Applications");

  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();

  @Test
  void everyUserOrganizationAndApplicationOperationIsSupported() throws IOException {
    String shared = System.getProperty("logto.shared.dir");
    Path document = shared == null ? null : Path.of(shared, "logto", "management.openapi.json");
    assumeTrue(document != null && Files.isRegularFile(document),
        "skipped: ../shared/logto/management.openapi.json not found (system property logto.shared.dir = " + shared + ")");
    TreeSet<String> tagged = new TreeSet<>();
    for (Iterator<JsonNode> paths = Http.JSON.readTree(document.toFile()).get("paths").elements(); paths.hasNext(); ) {
      for (Map.Entry<String, JsonNode> method : paths.next().properties()) {
        JsonNode operation = method.getValue();
        for (JsonNode tag : operation.path("tags")) {
          if (TAGS.contains(tag.asText())) {
            tagged.add(operation.get("operationId").asText());
          }
        }
      }
    }

    assertThat(tagged).hasSizeGreaterThan(100);
    assertThat(logto.supportedOperations()).containsAll(tagged);
  }
}

package io.logto.management.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class OperationTableTest {
  private final OperationTable table = OperationTable.load();

  @Test
  void everyHandlerIsNamedAfterAnOperationOfTheTable() throws IOException {
    try (EmulatorServer server = new EmulatorServer(Clock.systemUTC(), Duration.ofMinutes(1),
        "https://default.logto.app/api", List.of())) {
      for (String operationId : server.supportedOperations()) {
        assertThat(table.byId(operationId)).as(operationId).isNotNull();
      }
      assertThat(server.supportedOperations()).hasSizeGreaterThan(90);
    }
  }

  @Test
  void matchesTemplatesAndDecodesParameters() {
    OperationTable.Match match = table.match("DELETE", "/api/applications/app%201/secrets/my%2Fsecret");

    assertThat(match.operation().operationId()).isEqualTo("DeleteApplicationSecret");
    assertThat(match.pathParams()).isEqualTo(Map.of("id", "app 1", "name", "my/secret"));
    assertThat(table.match("GET", "/api/users/").operation().operationId()).isEqualTo("ListUsers");
    assertThat(table.match("GET", "/api/nothing/here")).isNull();
    assertThat(table.match("GET", "/api/status").operation().requiresToken()).isFalse();
  }

  @Test
  void bundledTableListsExactlyTheDocumentsOperations() throws IOException {
    String shared = System.getProperty("logto.shared.dir");
    Path document = shared == null ? null : Path.of(shared, "logto", "management.openapi.json");
    assumeTrue(document != null && Files.isRegularFile(document),
        "skipped: ../shared/logto/management.openapi.json not found (logto.shared.dir = " + shared + ")");
    JsonNode paths = new ObjectMapper().readTree(document.toFile()).get("paths");
    List<String> expected = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (Set.of("get", "post", "put", "patch", "delete", "head").contains(op.getKey())) {
          JsonNode security = op.getValue().get("security");
          boolean requiresToken = security == null || !security.isArray() || !security.isEmpty();
          expected.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + op.getValue().get("operationId").asText()
              + " " + requiresToken);
        }
      }
    }
    List<String> actual = new ArrayList<>();
    table.operations().forEach(op -> actual.add(op.method() + " " + op.pathTemplate() + " " + op.operationId() + " "
        + op.requiresToken()));

    assertThat(actual).containsExactlyElementsOf(expected);
  }
}

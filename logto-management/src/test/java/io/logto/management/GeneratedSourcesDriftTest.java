package io.logto.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.codegen.Main;
import io.logto.management.codegen.model.ApiModel;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ServiceDef;
import io.logto.management.codegen.naming.Overrides;
import io.logto.management.codegen.spec.Corrections;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed sources are exactly what the generator makes of Logto's document. */
final class GeneratedSourcesDriftTest {
  private static final Path GENERATED = Path.of("src/generated/java");

  @Test
  void regeneratingReproducesTheCommittedSourcesByteForByte() throws IOException {
    Map<String, String> expected = Main.render(SharedLogto.spec().toString(), Overrides.defaults(), Corrections.defaults());
    Map<String, String> actual = new TreeMap<>();
    try (Stream<Path> files = Files.walk(GENERATED)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        actual.put(
            GENERATED.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(actual.keySet())
        .as("generated files (run the regeneration command in DEVELOPERS.md)")
        .containsExactlyElementsOf(new TreeSet<>(expected.keySet()));
    List<String> differing = new ArrayList<>();
    expected.forEach((path, content) -> {
      if (!content.equals(actual.get(path))) {
        differing.add(path);
      }
    });
    assertThat(differing).as("files that differ from a fresh generation").isEmpty();
  }

  @Test
  void renderingTwiceIsByteIdentical() {
    String spec = SharedLogto.spec().toString();
    assertThat(Main.render(spec, Overrides.defaults(), Corrections.defaults())).isEqualTo(Main.render(spec, Overrides.defaults(), Corrections.defaults()));
  }

  @Test
  void everyOperationIdOfTheDocumentHasAGeneratedMethod() throws Exception {
    // operationIds read straight from the JSON, not through the generator's reader
    JsonNode doc = SharedLogto.read(SharedLogto.spec());
    List<String> ids = new ArrayList<>();
    for (Iterator<JsonNode> paths = doc.get("paths").elements(); paths.hasNext(); ) {
      JsonNode item = paths.next();
      for (String m : List.of("get", "put", "post", "delete", "patch", "head")) {
        if (item.has(m)) {
          ids.add(item.get(m).get("operationId").asText());
        }
      }
    }
    assertThat(ids).hasSize(284);

    ApiModel model = SharedLogto.model();
    Map<String, Method> byOperation = new TreeMap<>();
    for (ServiceDef s : model.services()) {
      Class<?> service = Class.forName("io.logto.management.service." + s.className());
      assertThat(LogtoManagement.class.getMethod(s.accessor()).getReturnType()).isEqualTo(service);
      for (OperationDef op : s.operations()) {
        Method method =
            Arrays.stream(service.getMethods())
                .filter(m -> m.getName().equals(op.methodName()))
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .filter(m -> m.getParameterCount() > 0
                    && m.getParameterTypes()[m.getParameterCount() - 1].getSimpleName().equals("RequestOptions"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no method for " + op.operationId()));
        byOperation.put(op.operationId(), method);
      }
    }
    assertThat(byOperation.keySet()).containsExactlyInAnyOrderElementsOf(ids);
  }
}

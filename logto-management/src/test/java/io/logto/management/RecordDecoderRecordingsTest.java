package io.logto.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logto.management.codegen.model.ResponseDef;
import io.logto.management.core.internal.codec.RecordDecoder;
import io.logto.management.testsupport.DeserializerBlindIntrospector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generated records decode every recorded success body exactly as Jackson's own record path
 * (property-based creator) decodes it: the same mapper with an introspector that does not see
 * {@code @JsonDeserialize(using = RecordDecoder.class)} is the old path. Besides each body as
 * recorded, variants where every property at one depth is JSON {@code null} (explicit null for each
 * component kind the answers use) and where every object at one depth is {@code {}} (every property
 * absent) must give equal records, or fail alike (same exception type and path).
 */
final class RecordDecoderRecordingsTest {
  private static final ObjectMapper DECODER = JsonMapper.builder().build();
  private static final ObjectMapper JACKSON = JsonMapper.builder().annotationIntrospector(new DeserializerBlindIntrospector(RecordDecoder.class))
      .build();

  @Test
  void everyRecordedBodyAndItsNullAndEmptyVariantsDecodeAsJacksonsRecordPathDoes() throws Exception {
    List<SharedLogto.Op> ops = SharedLogto.operations(SharedLogto.model());
    List<String> differences = new ArrayList<>();
    int bodies = 0;
    int documents = 0;
    int decoded = 0;
    for (Path file : SharedLogto.allRecordings()) {
      JsonNode rec = SharedLogto.read(file);
      JsonNode response = rec.get("response");
      int status = response.get("status").asInt();
      JsonNode body = response.get("body");
      if (status < 200 || status >= 300 || body == null || body.isNull() || body.isTextual()) {
        continue;
      }
      Optional<SharedLogto.Op> op = SharedLogto.match(
          ops, rec.get("request").get("method").asText(), rec.get("request").get("path").asText());
      if (op.isEmpty() || op.get().op().response().kind() != ResponseDef.Kind.JSON) {
        continue;
      }
      JavaType type = SharedLogto.javaType(op.get().op().response().type());
      bodies++;
      List<JsonNode> variants = new ArrayList<>();
      variants.add(body);
      for (int depth = 0; depth < 4; depth++) {
        variants.add(rewrite(body, depth, true));
        variants.add(rewrite(body, depth, false));
      }
      for (JsonNode doc : variants) {
        documents++;
        Outcome now = Outcome.of(DECODER, doc, type);
        Outcome before = Outcome.of(JACKSON, doc, type);
        if (now.failure() == null && before.failure() == null) {
          decoded++;
        }
        if (!now.sameAs(before)) {
          differences.add(file.getFileName() + " " + doc.toString().substring(0, Math.min(120, doc.toString().length()))
              + ": decoder " + now.describe() + " | Jackson " + before.describe());
        }
      }
    }
    assertThat(differences.subList(0, Math.min(30, differences.size())))
        .as("%d differences in %d documents", differences.size(), documents).isEmpty();
    assertThat(bodies).as("recorded bodies").isGreaterThan(300);
    assertThat(decoded).as("documents both decoded, of %d", documents).isGreaterThan(documents / 2);
    System.out.println("decoded " + documents + " documents from " + bodies + " recorded bodies alike");
  }

  /**
   * A copy where every object at {@code depth} (0 is the body or its array elements) has each
   * property set to null ({@code nulls}) or is emptied.
   */
  private static JsonNode rewrite(JsonNode node, int depth, boolean nulls) {
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> copy.add(rewrite(e, depth, nulls)));
      return copy;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    if (depth == 0 && !nulls) {
      return copy;
    }
    node.properties().forEach(e -> copy.set(e.getKey(),
        depth == 0 ? JsonNodeFactory.instance.nullNode() : rewrite(e.getValue(), depth - 1, nulls)));
    return copy;
  }

  /** A decoded value, or the failure's type and path. */
  record Outcome(Object value, String failure) {
    static Outcome of(ObjectMapper mapper, JsonNode json, JavaType type) {
      try {
        return new Outcome(mapper.readerFor(type).readValue(json), null);
      } catch (JsonMappingException e) {
        return new Outcome(null, e.getClass().getSimpleName() + " at " + e.getPath().stream()
            .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
            .collect(Collectors.joining(".")));
      } catch (Exception e) {
        return new Outcome(null, e.getClass().getSimpleName());
      }
    }

    boolean sameAs(Outcome other) {
      return failure == null ? other.failure == null && Objects.equals(value, other.value)
          : failure.equals(other.failure);
    }

    String describe() {
      return failure != null ? failure : String.valueOf(value).substring(0, Math.min(200, String.valueOf(value).length()));
    }
  }
}

package io.logto.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.codegen.model.ResponseDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every real JSON answer in {@code ../shared/logto/recordings} and {@code recordings-sweep} decodes
 * into the generated type of its operation with no property left over in {@code
 * additionalProperties()} (every property the server sends is typed), and encodes back to the same
 * JSON: nothing lost, nothing invented.
 */
final class RecordedResponsesRoundTripTest {

  @Test
  void everyRecordedSuccessBodyRoundTripsThroughItsGeneratedType() throws Exception {
    List<SharedLogto.Op> ops = SharedLogto.operations(SharedLogto.model());
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Path file : SharedLogto.allRecordings()) {
      JsonNode rec = SharedLogto.read(file);
      JsonNode request = rec.get("request");
      JsonNode response = rec.get("response");
      int status = response.get("status").asInt();
      JsonNode body = response.get("body");
      if (status < 200 || status >= 300 || body == null || body.isNull() || body.isTextual()) {
        continue;
      }
      Optional<SharedLogto.Op> op =
          SharedLogto.match(ops, request.get("method").asText(), request.get("path").asText());
      if (op.isEmpty() || op.get().op().response().kind() != ResponseDef.Kind.JSON) {
        continue;
      }
      var type = SharedLogto.javaType(op.get().op().response().type());
      try {
        Object decoded = SharedLogto.MAPPER.readerFor(type).readValue(body);
        List<String> untyped = new ArrayList<>();
        Untyped.collect("", decoded, untyped);
        if (!untyped.isEmpty()) {
          failures.add(file.getFileName() + " (" + op.get().op().operationId() + "): untyped properties " + untyped);
        }
        // through text, as on the wire
        JsonNode reencoded = SharedLogto.MAPPER.readTree(SharedLogto.MAPPER.writeValueAsString(decoded));
        if (!reencoded.equals(body)) {
          failures.add(file.getFileName() + " (" + op.get().op().operationId() + "): re-encoded JSON differs: "
              + firstDifference("", body, reencoded));
        }
      } catch (Exception e) {
        failures.add(file.getFileName() + " (" + op.get().op().operationId() + "): " + e.getMessage());
      }
      checked++;
    }
    assertThat(failures).isEmpty();
    assertThat(checked).as("recordings checked").isGreaterThan(300);
    System.out.println("round-tripped " + checked + " recorded response bodies");
  }

  /** A readable pointer to the first place two trees differ. */
  static String firstDifference(String at, JsonNode expected, JsonNode actual) {
    if (expected.equals(actual)) {
      return "";
    }
    if (expected.isObject() && actual.isObject()) {
      var names = new java.util.TreeSet<String>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        JsonNode e = expected.get(n);
        JsonNode a = actual.get(n);
        if (e == null || a == null) {
          return at + "/" + n + ": expected " + e + " but was " + a;
        }
        if (!e.equals(a)) {
          return firstDifference(at + "/" + n, e, a);
        }
      }
    }
    if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int i = 0; i < expected.size(); i++) {
        if (!expected.get(i).equals(actual.get(i))) {
          return firstDifference(at + "/" + i, expected.get(i), actual.get(i));
        }
      }
    }
    String e = expected.toString();
    String a = actual.toString();
    return at + ": expected " + e.substring(0, Math.min(200, e.length())) + " but was "
        + a.substring(0, Math.min(200, a.length()));
  }
}

package io.logto.management;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.logto.management.codegen.model.ApiModel;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ServiceDef;
import io.logto.management.codegen.model.TypeRef;
import io.logto.management.codegen.naming.Overrides;
import io.logto.management.codegen.spec.Corrections;
import io.logto.management.codegen.spec.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds {@code ../shared/logto} and maps recordings to the document's operations. */
final class SharedLogto {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private SharedLogto() {}

  /** The shared folder, or a skipped test when it is absent. */
  static Path logtoDir() {
    String dir = System.getProperty("logto.shared.dir");
    Path logto = dir == null ? null : Path.of(dir, "logto");
    assumeTrue(
        logto != null && Files.isRegularFile(logto.resolve("management.openapi.json")),
        "skipped: ../shared/logto (system property logto.shared.dir) is absent");
    return logto;
  }

  static Path spec() {
    return logtoDir().resolve("management.openapi.json");
  }

  private static ApiModel model;

  /** The generator's model of the document, read once per test JVM (parsing takes seconds). */
  static synchronized ApiModel model() {
    if (model == null) {
      model = SpecReader.read(spec().toString(), Overrides.defaults(), Corrections.defaults());
    }
    return model;
  }

  /** One operation with its service and a regex matching concrete paths. */
  record Op(ServiceDef service, OperationDef op, Pattern pattern, int literalSegments) {}

  static List<Op> operations(ApiModel model) {
    List<Op> ops = new ArrayList<>();
    for (ServiceDef s : model.services()) {
      for (OperationDef op : s.operations()) {
        String regex = "\\Q" + op.path().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
        int literal = (int) Stream.of(op.path().split("/")).filter(x -> !x.startsWith("{")).count();
        ops.add(new Op(s, op, Pattern.compile(regex), literal));
      }
    }
    return ops;
  }

  /** The operation a recorded method + path belongs to; the most literal template wins. */
  static Optional<Op> match(List<Op> ops, String method, String path) {
    return ops.stream()
        .filter(o -> o.op().httpMethod().equalsIgnoreCase(method) && o.pattern().matcher(path).matches())
        .max((a, b) -> Integer.compare(a.literalSegments(), b.literalSegments()));
  }

  /** The exchanges of {@code recordings} (the first session). */
  static List<Path> recordings() {
    return recordings("recordings");
  }

  /** The exchanges of {@code recordings} and {@code recordings-sweep} (every operation it could reach). */
  static List<Path> allRecordings() {
    List<Path> all = new ArrayList<>(recordings("recordings"));
    all.addAll(recordings("recordings-sweep"));
    return all;
  }

  private static List<Path> recordings(String folder) {
    Path dir = logtoDir().resolve(folder);
    assumeTrue(Files.isDirectory(dir), "skipped: " + dir + " is absent");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Java type the generated API decodes a response of this type into. */
  static JavaType javaType(TypeRef ref) {
    TypeFactory tf = MAPPER.getTypeFactory();
    if (ref instanceof TypeRef.Scalar s) {
      return tf.constructType(
          switch (s) {
            case STRING -> String.class;
            case INTEGER -> Integer.class;
            case LONG -> Long.class;
            case NUMBER -> BigDecimal.class;
            case BOOLEAN -> Boolean.class;
            case INSTANT_MILLIS, INSTANT_SECONDS, INSTANT_TEXT -> java.time.Instant.class;
            case JSON -> JsonNode.class;
          });
    }
    if (ref instanceof TypeRef.ListOf l) {
      return tf.constructCollectionType(List.class, javaType(l.element()));
    }
    if (ref instanceof TypeRef.MapOf m) {
      return tf.constructMapType(java.util.Map.class, tf.constructType(String.class), javaType(m.value()));
    }
    try {
      return tf.constructType(Class.forName("io.logto.management.model." + ((TypeRef.Named) ref).name()));
    } catch (ClassNotFoundException e) {
      throw new AssertionError("generated type missing: " + ref, e);
    }
  }
}

package io.logto.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logto.management.codegen.model.ApiModel;
import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.ResponseDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.RequestOptions;
import io.logto.management.core.TokenProvider;
import io.logto.management.testsupport.TestServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the document, called through its typed method against a loopback server: the
 * request carries exactly the method, path, query and body the document prescribes (the recorded
 * request where Logto was recorded answering it, else one built from the schema), and the answer
 * (recorded where available) decodes into the generated type and re-encodes unchanged.
 */
final class EveryOperationEndToEndTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = SharedLogto.MAPPER;

  @Test
  void everyOperationSendsWhatTheDocumentPrescribesAndDecodesTheAnswer() throws Exception {
    ApiModel model = SharedLogto.model();
    Map<String, TypeDef> types = new HashMap<>();
    model.types().forEach(t -> types.put(t.name(), t));
    Map<String, JsonNode> recordings = firstRecordingPerOperation(SharedLogto.operations(model));

    List<String> failures = new ArrayList<>();
    TreeSet<String> tagsCovered = new TreeSet<>();
    int recorded = 0;
    try (TestServer server = TestServer.start()) {
      LogtoClient client =
          LogtoClient.builder()
              .baseUrl(server.baseUrl())
              .tokenProvider(TokenProvider.of(() -> "test-token"))
              .build();
      LogtoManagement api = LogtoManagement.of(client);
      for (SharedLogto.Op entry : SharedLogto.operations(model)) {
        OperationDef op = entry.op();
        JsonNode recording = recordings.get(op.operationId());
        // the blocking form, then the asynchronous one: the same request, the same decoded answer
        for (boolean async : new boolean[] {false, true}) {
          try {
            Object surface = async ? api.async() : api;
            Object service = surface.getClass().getMethod(entry.service().accessor()).invoke(surface);
            Call call = new Call(op, types, recording);
            server.enqueue(call.answer);
            Object result = call.invoke(service, async);
            List<TestServer.Recorded> seen = server.takeRequests();
            call.verify(seen, result);
            tagsCovered.add(entry.service().tag());
            if (recording != null && !async) {
              recorded++;
            }
          } catch (AssertionError | Exception e) {
            server.takeRequests();
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            failures.add(op.operationId() + (async ? " (async)" : "") + ": " + cause);
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(tagsCovered).hasSize(model.services().size());
    assertThat(recorded).as("operations exercised with a recorded exchange").isGreaterThan(40);
    System.out.println("end to end: 284 operations, blocking and async, " + recorded + " with recorded exchanges");
  }

  /** The first recorded 2xx exchange of each operation. */
  private static Map<String, JsonNode> firstRecordingPerOperation(List<SharedLogto.Op> ops) {
    Map<String, JsonNode> out = new HashMap<>();
    for (Path file : SharedLogto.recordings()) {
      JsonNode rec = SharedLogto.read(file);
      int status = rec.get("response").get("status").asInt();
      if (status < 200 || status >= 300) {
        continue;
      }
      JsonNode req = rec.get("request");
      Optional<SharedLogto.Op> op = SharedLogto.match(ops, req.get("method").asText(), req.get("path").asText());
      op.ifPresent(o -> out.putIfAbsent(o.op().operationId(), rec));
    }
    return out;
  }

  /** One typed call: its arguments, the answer to serve, and what the server must see. */
  private static final class Call {
    final OperationDef op;
    final Map<String, TypeDef> types;
    final List<Object> args = new ArrayList<>();
    final List<Class<?>> argTypes = new ArrayList<>();
    String expectedPath;
    List<String> expectedQuery = new ArrayList<>();
    JsonNode expectedJsonBody;
    String expectedFormBody;
    byte[] multipartContent;
    TestServer.Reply answer;
    JsonNode servedJson;
    String servedText;

    Call(OperationDef op, Map<String, TypeDef> types, JsonNode recording) throws Exception {
      this.op = op;
      this.types = types;
      JsonNode req = recording == null ? null : recording.get("request");
      pathArgs(req);
      if (op.paramsType() != null) {
        queryArgs(req);
      }
      bodyArgs(req);
      args.add(RequestOptions.defaults());
      argTypes.add(RequestOptions.class);
      answer(recording);
    }

    private void pathArgs(JsonNode req) {
      Map<String, String> values = new HashMap<>();
      if (req != null) {
        Matcher m = groups(op.path()).matcher(req.get("path").asText());
        assertThat(m.matches()).isTrue();
        for (int i = 0; i < op.pathParams().size(); i++) {
          values.put(op.pathParams().get(i).name(), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
        }
      }
      String path = op.path();
      for (ParamDef p : op.pathParams()) {
        String v = values.getOrDefault(p.name(), "v-" + p.name());
        // an enum-valued path parameter is its open enum, which keeps any text
        Class<?> type = paramClass(p.type());
        args.add(MAPPER.convertValue(v, type));
        argTypes.add(type);
        path = path.replace("{" + p.name() + "}", v);
      }
      expectedPath = req != null ? req.get("path").asText() : path;
    }

    private static Pattern groups(String template) {
      return Pattern.compile(
          "\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E([^/]+)\\\\Q") + "\\E");
    }

    private void queryArgs(JsonNode req) throws Exception {
      Class<?> paramsClass = Class.forName("io.logto.management.model." + op.paramsType());
      Object builder = paramsClass.getMethod("builder").invoke(null);
      Map<String, List<String>> pairs = new LinkedHashMap<>();
      String rawQuery = req == null || req.get("query").isNull() ? "" : req.get("query").asText();
      if (req != null) {
        for (String pair : rawQuery.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          pairs.computeIfAbsent(decode(pair.substring(0, eq)), k -> new ArrayList<>())
              .add(decode(pair.substring(eq + 1)));
        }
      } else {
        for (ParamDef p : op.queryParams()) {
          if (p.required()) {
            pairs.put(p.name(), List.of(sampleText(p.type())));
          }
        }
      }
      Map<String, String> exploded = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> e : pairs.entrySet()) {
        ParamDef p = op.queryParams().stream().filter(q -> q.name().equals(e.getKey()) && !q.explodedObject())
            .findFirst().orElse(null);
        if (p == null) {
          e.getValue().forEach(v -> exploded.put(e.getKey(), v));
          continue;
        }
        Object value = convert(p.type(), e.getValue());
        builder.getClass().getMethod(p.javaName(), paramClass(p.type())).invoke(builder, value);
      }
      if (!exploded.isEmpty()) {
        ParamDef p = op.queryParams().stream().filter(ParamDef::explodedObject).findFirst()
            .orElseThrow(() -> new AssertionError("recorded query has parameters the document does not declare: " + exploded));
        builder.getClass().getMethod(p.javaName(), Map.class).invoke(builder, exploded);
      }
      args.add(builder.getClass().getMethod("build").invoke(builder));
      argTypes.add(paramsClass);
      pairs.forEach((k, vs) -> vs.forEach(v -> expectedQuery.add(k + "=" + v)));
    }

    private Object convert(TypeRef type, List<String> values) {
      if (type instanceof TypeRef.ListOf l) {
        List<Object> out = new ArrayList<>();
        values.forEach(v -> out.add(convert(l.element(), List.of(v))));
        return out;
      }
      String v = values.get(values.size() - 1);
      return MAPPER.convertValue(
          type == TypeRef.Scalar.STRING || type instanceof TypeRef.Named ? NODES.textNode(v) : parse(v),
          SharedLogto.javaType(type));
    }

    private static JsonNode parse(String v) {
      try {
        return MAPPER.readTree(v);
      } catch (Exception e) {
        return NODES.textNode(v);
      }
    }

    private static Class<?> paramClass(TypeRef type) {
      return SharedLogto.javaType(type).getRawClass();
    }

    private String sampleText(TypeRef type) {
      JsonNode sample = sample(type instanceof TypeRef.ListOf l ? l.element() : type, 0);
      return sample.asText();
    }

    private void bodyArgs(JsonNode req) throws Exception {
      BodyDef body = op.body();
      if (body == null) {
        return;
      }
      switch (body.kind()) {
        case JSON -> {
          JsonNode json = req != null && req.has("body") && !req.get("body").isNull()
              ? req.get("body")
              : body.wrapper() == null ? sample(body.type(), 0) : NODES.objectNode().set(body.wrapper(), sample(body.type(), 0));
          // a wrapped body: the method takes the one property, the request carries the object
          JsonNode value = body.wrapper() == null ? json : json.get(body.wrapper());
          JavaType type = SharedLogto.javaType(body.type());
          args.add(MAPPER.readerFor(type).readValue(value));
          argTypes.add(type.getRawClass());
          expectedJsonBody = json;
        }
        case FORM -> {
          JsonNode json = sample(body.type(), 0);
          JavaType type = SharedLogto.javaType(body.type());
          args.add(MAPPER.readerFor(type).readValue(json));
          argTypes.add(type.getRawClass());
          List<String> fields = new ArrayList<>();
          json.properties().forEach(f -> fields.add(f.getKey() + "=" + encode(f.getValue().asText())));
          expectedFormBody = String.join("&", fields);
        }
        case MULTIPART -> {
          multipartContent = ("content of " + op.operationId()).getBytes(StandardCharsets.UTF_8);
          for (BodyDef.Part part : body.parts()) {
            if (part.file()) {
              args.add("upload.zip");
              argTypes.add(String.class);
              args.add("application/zip");
              argTypes.add(String.class);
              args.add(multipartContent);
              argTypes.add(byte[].class);
            } else {
              args.add("text");
              argTypes.add(String.class);
            }
          }
        }
      }
    }

    private void answer(JsonNode recording) {
      ResponseDef r = op.response();
      if (r.kind() == ResponseDef.Kind.NONE) {
        answer = TestServer.Reply.status(204);
        return;
      }
      if (r.kind() == ResponseDef.Kind.TEXT) {
        servedText = "<EntityDescriptor>" + op.operationId() + "</EntityDescriptor>";
        answer = TestServer.Reply.text(200, "text/xml", servedText);
        return;
      }
      JsonNode resp = recording == null ? null : recording.get("response");
      if (resp != null && resp.get("body") != null && !resp.get("body").isNull() && !resp.get("body").isTextual()) {
        servedJson = resp.get("body");
        answer = TestServer.Reply.json(resp.get("status").asInt(), servedJson.toString());
      } else {
        servedJson = sample(r.type(), 0);
        answer = TestServer.Reply.json(200, servedJson.toString());
      }
    }

    Object invoke(Object service, boolean async) throws Exception {
      String name = op.methodName();
      Method method = service.getClass().getMethod(name, argTypes.toArray(Class<?>[]::new));
      Object result = method.invoke(service, args.toArray());
      return async ? ((java.util.concurrent.CompletableFuture<?>) result).get(30, java.util.concurrent.TimeUnit.SECONDS)
          : result;
    }

    void verify(List<TestServer.Recorded> seen, Object result) throws Exception {
      assertThat(seen).hasSize(1);
      TestServer.Recorded s = seen.get(0);
      assertThat(s.method()).isEqualTo(op.httpMethod());
      assertThat(s.path()).isEqualTo(expectedPath);
      List<String> query = new ArrayList<>();
      if (s.query() != null) {
        for (String pair : s.query().split("&")) {
          int eq = pair.indexOf('=');
          query.add(decode(pair.substring(0, eq)) + "=" + decode(pair.substring(eq + 1)));
        }
      }
      assertThat(query).as("query").containsExactlyInAnyOrderElementsOf(expectedQuery);
      if (expectedJsonBody != null) {
        assertThat(s.header("Content-type").orElseThrow()).startsWith("application/json");
        assertThat(MAPPER.readTree(s.body())).as("JSON body").isEqualTo(expectedJsonBody);
      } else if (expectedFormBody != null) {
        assertThat(s.header("Content-type").orElseThrow()).startsWith("application/x-www-form-urlencoded");
        assertThat(s.bodyText()).isEqualTo(expectedFormBody);
      } else if (multipartContent != null) {
        assertThat(s.header("Content-type").orElseThrow()).startsWith("multipart/form-data; boundary=");
        assertThat(s.bodyText())
            .contains("name=\"" + op.body().parts().get(0).name() + "\"")
            .contains(new String(multipartContent, StandardCharsets.UTF_8));
      } else {
        assertThat(s.body()).isEmpty();
      }
      switch (op.response().kind()) {
        case NONE -> assertThat(result).isNull();
        case TEXT -> {
          assertThat(s.header("Accept").orElseThrow()).contains("xml");
          assertThat(result).isEqualTo(servedText);
        }
        case JSON -> {
          JsonNode reencoded = MAPPER.readTree(MAPPER.writeValueAsString(result));
          assertThat(reencoded)
              .as("re-encoded answer differs at %s",
                  RecordedResponsesRoundTripTest.firstDifference("", servedJson, reencoded))
              .isEqualTo(servedJson);
        }
      }
    }

    private static String decode(String s) {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
      return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Minimal valid JSON for a type: required properties only, first enum value, first oneOf shape. */
    JsonNode sample(TypeRef type, int depth) {
      if (type instanceof TypeRef.Scalar s) {
        return switch (s) {
          case STRING -> NODES.textNode("s");
          case INTEGER, LONG, NUMBER, INSTANT_MILLIS, INSTANT_SECONDS -> NODES.numberNode(1);
          case INSTANT_TEXT -> NODES.textNode("2026-01-01T00:00:00.000Z");
          case BOOLEAN -> NODES.booleanNode(true);
          case JSON -> NODES.objectNode();
        };
      }
      if (type instanceof TypeRef.ListOf l) {
        ArrayNode a = NODES.arrayNode();
        if (depth < 8) {
          a.add(sample(l.element(), depth + 1));
        }
        return a;
      }
      if (type instanceof TypeRef.MapOf m) {
        ObjectNode o = NODES.objectNode();
        o.set("k", sample(m.value(), depth + 1));
        return o;
      }
      TypeDef def = types.get(((TypeRef.Named) type).name());
      if (def instanceof TypeDef.EnumDef e) {
        return NODES.textNode(e.values().get(0));
      }
      if (def instanceof TypeDef.OneOfDef o) {
        TypeDef.Variant v = o.variants().get(0);
        ObjectNode node = (ObjectNode) sample(new TypeRef.Named(v.type()), depth);
        v.constants().forEach((k, values) -> {
          String pinned = values.iterator().next();
          if (node.has(k)) {
            node.set(k, node.get(k).isBoolean() ? NODES.booleanNode(Boolean.parseBoolean(pinned)) : NODES.textNode(pinned));
          }
        });
        return node;
      }
      TypeDef.RecordDef r = (TypeDef.RecordDef) def;
      ObjectNode o = NODES.objectNode();
      for (FieldDef f : r.fields()) {
        if (f.required() || o.isEmpty() && f == r.fields().get(r.fields().size() - 1)) {
          o.set(f.jsonName(), sample(f.type(), depth + 1));
        }
      }
      if (o.isEmpty() && !r.fields().isEmpty()) {
        FieldDef f = r.fields().get(0);
        o.set(f.jsonName(), sample(f.type(), depth + 1));
      }
      return o;
    }
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Stored scripts: JWT customizers ({@code /configs/jwt-customizer}) and custom actions
 * ({@code /configs/actions}). Both are {@code logto_configs} rows with the same life cycle (list, get,
 * upsert answering 201 when new, patch merging over the stored value, delete), so one class serves
 * both kinds. Running a script ({@code TestJwtCustomizer}, {@code TestAction}) needs a JavaScript
 * runtime: the body is validated as Logto does, then the answer is 501.
 */
final class ScriptConfigRoutes {
  private static final String MISSING_RUNTIME = "a JavaScript runtime to run the user's script";
  private static final List<String> ACTION_KEYS = List.of("action.postFirstFactorVerification", "action.postSignIn");
  private static final List<String> JWT_CUSTOMIZER_TYPES = List.of("access-token", "client-credentials");

  /** One kind of stored script: its operation names, path parameter, config keys and value guard. */
  private record Kind(String noun, String pathParam, Map<String, String> keysByPath, List<String> fields,
      boolean patchNeedsScript, BiConsumer<Guard, Boolean> validateValue, BiConsumer<Guard, ObjectNode> validateTest) {}

  private static final Kind JWT_CUSTOMIZER = new Kind("JwtCustomizer", "tokenTypePath",
      ordered("access-token", "jwt.accessToken", "client-credentials", "jwt.clientCredentials"),
      List.of("script", "environmentVariables", "contextSample", "tokenSample", "blockIssuanceOnError"), true,
      (guard, scriptRequired) -> {
        guard.string("script", scriptRequired);
        guard.stringRecord("environmentVariables");
        guard.object("contextSample", false);
        guard.object("tokenSample", false);
        guard.bool("blockIssuanceOnError", false);
      },
      ScriptConfigRoutes::validateJwtTest);

  private static final Kind ACTION = new Kind("Action", "actionType",
      ordered("action.postFirstFactorVerification", "action.postFirstFactorVerification",
          "action.postSignIn", "action.postSignIn"),
      List.of("script", "environmentVariables", "contextSample", "enabled", "onExecutionError"), false,
      (guard, scriptRequired) -> {
        guard.string("script", scriptRequired);
        guard.stringRecord("environmentVariables");
        guard.anyJson("contextSample", false);
        guard.bool("enabled", false);
        guard.oneOf("onExecutionError", List.of("block", "allow"), false);
      },
      (guard, body) -> {
        guard.string("script", true);
        guard.oneOf("actionType", ACTION_KEYS, true);
        guard.anyJson("event", true);
        guard.stringRecord("environmentVariables");
        guard.strict(List.of("script", "actionType", "event", "environmentVariables"));
      });
  private final Map<String, ObjectNode> scripts;

  ScriptConfigRoutes(Store store) {
    this.scripts = store.configs.scripts;
  }

  void register(Declarations handlers) {
    for (Kind kind : List.of(JWT_CUSTOMIZER, ACTION)) {
      handlers.declare("List" + kind.noun() + "s", call -> Reply.ok(list(kind)));
      handlers.declare("Get" + kind.noun(), call -> Reply.ok(existing(key(kind, call))));
      handlers.declare("Upsert" + kind.noun(), call -> {
        String key = key(kind, call);
        ObjectNode value = value(kind, call, true);
        boolean created = !scripts.containsKey(key);
        scripts.put(key, value);
        return Reply.json(created ? 201 : 200, value);
      });
      handlers.declare("Update" + kind.noun(), call -> {
        String key = key(kind, call);
        ObjectNode patch = value(kind, call, kind.patchNeedsScript());
        ObjectNode merged = inFieldOrder(kind, Json.merge(existing(key), patch));
        scripts.put(key, merged);
        return Reply.ok(merged);
      });
      handlers.declare("Delete" + kind.noun(), call -> {
        if (scripts.remove(key(kind, call)) == null) {
          throw ApiError.notFound();
        }
        return Reply.empty(204);
      });
      handlers.declare("Test" + kind.noun(), (Handler.NotEmulated) call -> {
        Guard guard = call.guard();
        kind.validateTest().accept(guard, guard.raw());
        guard.check();
        throw call.notEmulated(MISSING_RUNTIME);
      });
    }
  }

  private ArrayNode list(Kind kind) {
    ArrayNode list = Json.array();
    for (String key : kind.keysByPath().values()) {
      ObjectNode value = scripts.get(key);
      if (value != null) {
        ObjectNode entry = Json.object().put("key", key);
        entry.set("value", value);
        list.add(entry);
      }
    }
    return list;
  }

  private ObjectNode existing(String key) {
    ObjectNode value = scripts.get(key);
    if (value == null) {
      throw ApiError.notExistsWithId("logto_config", key);
    }
    return value;
  }

  // the path value is checked before the body: an unknown token type or action is a 400 on the params
  private static String key(Kind kind, Call call) {
    String path = call.param(kind.pathParam());
    Guard guard = Guard.params(Json.object().put(kind.pathParam(), path));
    guard.oneOf(kind.pathParam(), List.copyOf(kind.keysByPath().keySet()), true);
    guard.check();
    return kind.keysByPath().get(path);
  }

  private static ObjectNode value(Kind kind, Call call, boolean scriptRequired) {
    Guard guard = call.guard();
    kind.validateValue().accept(guard, scriptRequired);
    guard.strict(kind.fields());
    guard.check();
    return inFieldOrder(kind, guard.raw());
  }

  // zod writes the parsed object in the schema's key order
  private static ObjectNode inFieldOrder(Kind kind, ObjectNode value) {
    return Json.pick(value, kind.fields());
  }

  private static void validateJwtTest(Guard guard, ObjectNode body) {
    JsonNode tokenType = body.get("tokenType");
    if (tokenType == null || !tokenType.isTextual() || !JWT_CUSTOMIZER_TYPES.contains(tokenType.asText())) {
      guard.discriminatorIssue("tokenType", JWT_CUSTOMIZER_TYPES);
      return;
    }
    guard.string("script", true);
    guard.stringRecord("environmentVariables");
    guard.object("token", true);
    if (tokenType.asText().equals("access-token")) {
      ObjectNode context = guard.object("context", true);
      if (context != null) {
        guard.within("context", context).object("user", true);
      }
    }
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}

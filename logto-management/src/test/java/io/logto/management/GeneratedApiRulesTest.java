package io.logto.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.codegen.model.ApiModel;
import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.ServiceDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import io.logto.management.core.JsonField;
import io.logto.management.core.Paginated;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rules a Java developer relies on to guess the generated API (issue 18), held twice: over the
 * compiled classes of this module, and over a fresh read of Logto's document by the generator (so a
 * regeneration against a newer Logto keeps them; skipped when {@code ../shared/logto} is absent).
 * No type named {@code ...ResponseItem}, {@code ...Response...} or {@code List...} (but a listing's
 * {@code List...Params}) or {@code ...<plural>Item}: a type is named for what it carries, not for
 * the operation that answers it or the list it sits in;
 * no type name says a word twice in a row; no operation answers a {@code ...Request}; flags are
 * {@code Boolean}; timestamps are {@code Instant}; request bodies carry no server-assigned property;
 * each operation at most three overloads on each surface, futures only on the asynchronous one; no
 * HTTP method in a name; pagers, and only pagers, are {@code ...All}.
 */
final class GeneratedApiRulesTest {
  private static final Pattern FLAG = Pattern.compile("^(include|is|has|enable|show|with|remove)[A-Z].*");
  private static final Pattern TIMESTAMP = Pattern.compile("^[a-z][A-Za-z]*[a-z]At$");
  /** A word said twice in a row ({@code SecondaryIdentifierIdentifier}, {@code ...SelectSelectItem}). */
  private static final Pattern REPEATED_WORD = Pattern.compile(".*([A-Z][a-z0-9]+)\\1([A-Z].*)?");
  private static final Pattern HTTP_METHOD_AT_END = Pattern.compile(".*[a-z](Get|Post|Put|Patch|Delete|Head)$");
  /**
   * Answers whose property the document leaves untyped and no recording shows (the only
   * CreateConnectorAuthorizationUri exchange, recordings-sweep/0271, is a 404): still a JSON tree.
   */
  private static final Set<String> UNTYPED_ANSWERS = Set.of("ConnectorsService.createAuthorizationUri.redirectUri");
  private static final Set<String> SERVER_MANAGED = Set.of("tenantId", "createdAt", "updatedAt");
  /**
   * The operations that answer a bare JSON tree, each with why no record is honest. Any other
   * answer is typed; an entry no operation matches fails too, so the list only holds live reasons.
   */
  private static final Map<String, String> JSON_TREE_ANSWERS = Map.ofEntries(
      Map.entry("ConfigsService.testJwtCustomizer", "the token payload the user's script returns: claims of any name and"
          + " JSON type (recordings-sweep/0251-TestJwtCustomizer.json answers {\"sweep\": 1}), as custom data is a tree"),
      Map.entry("ConfigsService.testAction", "what the user's action script returns, its shape chosen by the script"
          + " (recordings-sweep/0375 and 0376-TestAction.json: {action: updateUser, user} and {action: continue})"),
      Map.entry("UsersService.getCustomData", "custom data: any JSON the caller stored"),
      Map.entry("UsersService.updateCustomData", "custom data: any JSON the caller stored"),
      Map.entry("ApplicationsService.updateCustomData", "custom data: any JSON the caller stored"),
      Map.entry("DomainsService.getVerificationFiles", "the document leaves the answer untyped and no recording succeeds"),
      Map.entry("DomainsService.replaceVerificationFiles", "the document leaves the answer untyped and no recording succeeds"
          + " (the body is typed: recordings-sweep/0404 shows Logto expects an array)"),
      Map.entry("ApplicationsService.createProtectedAppMetadataCustomDomain",
          "the document leaves the answer untyped and the only recording is a 422 (recordings-sweep/0401)"),
      Map.entry("SamlApplicationsAuthFlowService.createSamlAuthn", "the document leaves the answer untyped; no recorded success"),
      Map.entry("SamlApplicationsAuthFlowService.getSamlAuthn", "the document leaves the answer untyped; no recorded success"),
      Map.entry("SamlApplicationsService.getCallback", "the document leaves the answer untyped; no recorded success"),
      Map.entry("SwaggerJsonService.get", "an OpenAPI document"),
      Map.entry("WellKnownService.getManagementOpenapiJson", "an OpenAPI document"),
      Map.entry("WellKnownService.getExperienceOpenapiJson", "an OpenAPI document"),
      Map.entry("WellKnownService.getUserOpenapiJson", "an OpenAPI document"));

  // ---- the compiled API --------------------------------------------------------------------

  @Test
  void compiledTypesAreNamedForWhatTheyCarryAndNoAnswerIsARequest() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Class<?> c : ApiSnapshotTest.generatedClasses()) {
      operationNamed(c.getSimpleName()).ifPresent(problems::add);
      repeatedWord(c.getSimpleName()).ifPresent(problems::add);
      if (c.getPackageName().endsWith(".service")) {
        for (Method m : publicMethods(c)) {
          for (String named : namedTypes(m.getGenericReturnType())) {
            if (named.endsWith("Request")) {
              problems.add(c.getSimpleName() + "." + m.getName() + " answers " + named);
            }
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void compiledModelTypesFlagsAsBooleanTimestampsAsInstantLanguageTagsAsLanguageTag() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Class<?> c : ApiSnapshotTest.generatedClasses()) {
      if (!c.isRecord()) {
        continue;
      }
      for (RecordComponent rc : c.getRecordComponents()) {
        String where = c.getSimpleName() + "." + rc.getName();
        Type type = rc.getGenericType();
        if (c.getSimpleName().endsWith("Params") && FLAG.matcher(rc.getName()).matches()
            && type != Boolean.class) {
          problems.add(where + " is a flag typed " + type.getTypeName());
        }
        // the wire name: attributeMapping's created_at is a claim name, not a time
        com.fasterxml.jackson.annotation.JsonProperty wire =
            rc.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        String wireName = wire == null ? rc.getName() : wire.value();
        if (TIMESTAMP.matcher(wireName).matches() && !instant(type)) {
          problems.add(where + " is a timestamp typed " + type.getTypeName());
        }
        // one concept, one type: a language tag is the open enum the custom phrases' path chooses
        if (wireName.equals("languageTag") && type != io.logto.management.model.LanguageTag.class) {
          problems.add(where + " is a language tag typed " + type.getTypeName());
        }
        // a JWT customizer's or action's script is its source text, in every body and answer
        if (wireName.equals("script") && type != String.class) {
          problems.add(where + " is a script typed " + type.getTypeName());
        }
        if (isRequestBody(c) && SERVER_MANAGED.contains(rc.getName())) {
          problems.add(where + " is assigned by the server, yet a request offers it");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void compiledServicesShowEachOperationAtMostThreeTimesPerSurface() throws Exception {
    List<String> problems = new ArrayList<>();
    int blocking = 0;
    int asynchronous = 0;
    for (Class<?> c : ApiSnapshotTest.generatedClasses()) {
      if (!c.getPackageName().endsWith(".service")) {
        continue;
      }
      boolean async = c.getSimpleName().startsWith("Async");
      if (async) {
        asynchronous++;
      } else {
        blocking++;
      }
      Map<String, Integer> overloads = new HashMap<>();
      Set<String> names = new HashSet<>();
      for (Method m : publicMethods(c)) {
        names.add(m.getName());
      }
      for (Method m : publicMethods(c)) {
        String where = c.getSimpleName() + "." + m.getName();
        overloads.merge(m.getName(), 1, Integer::sum);
        boolean future = CompletableFuture.class.isAssignableFrom(m.getReturnType());
        boolean pager = Paginated.class.isAssignableFrom(m.getReturnType());
        if (future != async) {
          problems.add(where + (async ? " is blocking on the async surface" : " returns a future on the blocking surface"));
        }
        for (Type parameter : m.getGenericParameterTypes()) {
          for (String named : namedTypes(parameter)) {
            // a body named for where its shape sits (a map value, a list element), not for what it carries
            if (named.endsWith("Value") || named.endsWith("Item")) {
              problems.add(where + " takes a " + named);
            }
          }
        }
        if (m.getName().endsWith("Async")) {
          problems.add(where + " repeats the surface in its name");
        }
        if (HTTP_METHOD_AT_END.matcher(m.getName()).matches()) {
          problems.add(where + " has an HTTP method in its name");
        }
        boolean pagerName = m.getName().endsWith("All") && names.contains(m.getName().substring(0, m.getName().length() - 3));
        if (pager != pagerName) {
          problems.add(where + (pager ? " is a pager not named <operation>All" : " is named like a pager"));
        }
        if (!pager && m.getName().startsWith("listAll")) {
          problems.add(where + " reads like the listAll pagers");
        }
      }
      overloads.forEach((name, n) -> {
        if (n > 3) {
          problems.add(c.getSimpleName() + "." + name + " has " + n + " overloads");
        }
      });
    }
    assertThat(asynchronous).as("an asynchronous service per blocking one").isEqualTo(blocking).isGreaterThan(30);
    assertThat(problems).isEmpty();
  }

  @Test
  void compiledAnswersAreTypedButTheListedJsonTrees() throws Exception {
    Set<String> trees = new java.util.TreeSet<>();
    for (Class<?> c : ApiSnapshotTest.generatedClasses()) {
      if (!c.getPackageName().endsWith(".service") || c.getSimpleName().startsWith("Async")) {
        continue;
      }
      for (Method m : publicMethods(c)) {
        if (m.getReturnType() == JsonNode.class) {
          trees.add(c.getSimpleName() + "." + m.getName());
        }
      }
    }
    assertThat(trees).as("operations answering a bare JSON tree; list an honest one with its reason")
        .containsExactlyInAnyOrderElementsOf(JSON_TREE_ANSWERS.keySet());
  }

  /**
   * A value is never an untyped JSON tree on one side and typed on the other: where a blocking
   * method's body record and its answer record both have a property and one side is a
   * {@code JsonNode}, the other (a {@code JsonField}'s content) is too ({@code deleteAccountUrl} was
   * written as JSON and read as text). Typed values may differ in shape: a request is not an answer.
   */
  @Test
  void compiledBodiesWriteWhatTheAnswerReads() throws Exception {
    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (Class<?> c : ApiSnapshotTest.generatedClasses()) {
      if (!c.getPackageName().endsWith(".service") || c.getSimpleName().startsWith("Async")) {
        continue;
      }
      for (Method m : publicMethods(c)) {
        Class<?> answer = m.getReturnType();
        if (!answer.isRecord()) {
          continue;
        }
        Map<String, Type> read = new HashMap<>();
        for (RecordComponent rc : answer.getRecordComponents()) {
          read.put(rc.getName(), valueType(rc.getGenericType()));
        }
        for (Class<?> body : m.getParameterTypes()) {
          if (!body.isRecord() || body.getSimpleName().endsWith("Params")) {
            continue;
          }
          for (RecordComponent rc : body.getRecordComponents()) {
            Type readType = read.get(rc.getName());
            if (readType == null || rc.getName().equals("additionalProperties")) {
              continue;
            }
            Type written = valueType(rc.getGenericType());
            String where = c.getSimpleName() + "." + m.getName() + "." + rc.getName();
            if (!(readType == JsonNode.class || written == JsonNode.class) || UNTYPED_ANSWERS.contains(where)) {
              continue;
            }
            compared++;
            if (!readType.equals(written)) {
              problems.add(c.getSimpleName() + "." + m.getName() + ": " + rc.getName() + " is written as "
                  + valueType(rc.getGenericType()).getTypeName() + " but read as " + readType.getTypeName());
            }
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(5);
    assertThat(problems).isEmpty();
  }

  /**
   * Custom data has one shape: every service's custom-data operation of a name takes the same
   * argument types after the entity's id ({@code users().updateCustomData} took a wrapper record
   * where {@code applications().updateCustomData} took the JSON itself).
   */
  @Test
  void compiledCustomDataHasOneShapeAcrossEntities() throws Exception {
    Map<String, Map<String, List<Class<?>>>> byName = new HashMap<>();
    for (Class<?> c : ApiSnapshotTest.generatedClasses()) {
      if (!c.getPackageName().endsWith(".service") || c.getSimpleName().startsWith("Async")) {
        continue;
      }
      for (Method m : publicMethods(c)) {
        if (m.getName().endsWith("CustomData") && m.getParameterCount() > 0) {
          List<Class<?>> rest = List.of(m.getParameterTypes()).subList(1, m.getParameterCount());
          byName.computeIfAbsent(m.getName() + "/" + rest.size(), k -> new java.util.TreeMap<>())
              .put(c.getSimpleName(), rest);
        }
      }
    }
    assertThat(byName.get("updateCustomData/1")).as("updateCustomData(id, customData)").hasSizeGreaterThanOrEqualTo(2);
    byName.forEach((name, shapes) -> assertThat(new HashSet<>(shapes.values())).as(name + " " + shapes).hasSize(1));
  }

  // ---- a fresh read of the document --------------------------------------------------------

  @Test
  void freshModelOfTheDocumentKeepsTheRules() {
    ApiModel model = SharedLogto.model();
    JsonNode document = SharedLogto.read(SharedLogto.spec());
    Map<String, TypeDef> types = new HashMap<>();
    model.types().forEach(t -> types.put(t.name(), t));
    Map<String, JsonNode> documentOps = new HashMap<>();
    document.get("paths").forEach(item -> item.forEach(op -> {
      if (op.has("operationId")) {
        documentOps.put(op.get("operationId").asText(), op);
      }
    }));
    List<String> problems = new ArrayList<>();
    for (TypeDef t : model.types()) {
      operationNamed(t.name()).ifPresent(problems::add);
      repeatedWord(t.name()).ifPresent(problems::add);
      if (t instanceof TypeDef.RecordDef r) {
        for (FieldDef f : r.fields()) {
          String where = t.name() + "." + f.javaName();
          boolean instant = f.type() == TypeRef.Scalar.INSTANT_MILLIS || f.type() == TypeRef.Scalar.INSTANT_SECONDS
              || f.type() == TypeRef.Scalar.INSTANT_TEXT;
          if (TIMESTAMP.matcher(f.jsonName()).matches() && !instant) {
            problems.add(where + " is a timestamp typed " + f.type());
          }
        }
      }
    }
    for (ServiceDef s : model.services()) {
      Set<String> methods = new HashSet<>();
      s.operations().forEach(op -> methods.add(op.methodName()));
      for (OperationDef op : s.operations()) {
        String where = s.className() + "." + op.methodName();
        if (op.response().type() != null) {
          for (String named : namedTypes(op.response().type())) {
            if (named.endsWith("Request")) {
              problems.add(where + " answers " + named);
            }
          }
        }
        if (op.body() != null && op.body().type() instanceof TypeRef.Named n
            && types.get(n.name()) instanceof TypeDef.RecordDef body) {
          body.fields().stream().filter(f -> SERVER_MANAGED.contains(f.jsonName()))
              .forEach(f -> problems.add(where + " body offers " + f.jsonName()));
        }
        if (HTTP_METHOD_AT_END.matcher(op.methodName()).matches()) {
          problems.add(where + " has an HTTP method in its name");
        }
        if (op.methodName().startsWith("listAll") || (op.paginated() && methods.contains(op.methodName() + "All"))) {
          problems.add(where + " reads like a pager");
        }
        for (ParamDef p : op.queryParams()) {
          if (documentFlag(documentOps.get(op.operationId()), p.name()) && p.type() != TypeRef.Scalar.BOOLEAN) {
            problems.add(where + " parameter " + p.name() + " is a flag typed " + p.type());
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** The document calls the parameter a flag: typed boolean, or described as taking {@code `true`}. */
  private static boolean documentFlag(JsonNode op, String name) {
    for (JsonNode p : op.path("parameters")) {
      if (name.equals(p.path("name").asText())) {
        return "boolean".equals(p.path("schema").path("type").asText())
            || p.path("description").asText().contains("`true`")
            || p.path("schema").path("oneOf").toString().contains("\"\\\"true\\\"\"");
      }
    }
    return false;
  }

  // ---- helpers -----------------------------------------------------------------------------

  /**
   * A type named after the operation that answers it rather than for what it carries: {@code
   * ...Response...} ({@code ListUserGrantsResponse}, {@code ...ResponseItem}) or {@code List...}
   * other than a listing's parameters ({@code ListUsersParams} and the enums of its parameters); or
   * for the list it sits in ({@code SignInExperienceSignInMethodsItem}).
   */
  private static java.util.Optional<String> operationNamed(String type) {
    if (type.contains("Response")) {
      return java.util.Optional.of("type " + type + " is named for the operation answering it");
    }
    if (type.matches("List[A-Z].*") && !type.matches("List[A-Za-z0-9]*Params[A-Za-z0-9]*")) {
      return java.util.Optional.of("type " + type + " is named for a listing, not for what it carries");
    }
    // an element of a plural property is its singular (SignInMethod), not the property plus Item
    if (type.matches(".*[a-z](?<!s)sItem([A-Z].*)?")) {
      return java.util.Optional.of("type " + type + " is named for where it sits, not for what it is");
    }
    return java.util.Optional.empty();
  }

  /**
   * A name that says a word twice in a row, as the element rule builds it when a property repeats
   * its owner's last word: a careful person names the thing once (a rename in the overrides file).
   */
  private static java.util.Optional<String> repeatedWord(String type) {
    return REPEATED_WORD.matcher(type).matches()
        ? java.util.Optional.of("type " + type + " repeats a word")
        : java.util.Optional.empty();
  }

  private static boolean isRequestBody(Class<?> c) {
    return c.getSimpleName().matches("(Create|Update|Replace|Add).*Request");
  }

  private static boolean instant(Type type) {
    if (type == Instant.class) {
      return true;
    }
    return type instanceof ParameterizedType p && p.getRawType() == JsonField.class
        && p.getActualTypeArguments()[0] == Instant.class;
  }

  /** The value a component carries: a {@code JsonField}'s content, boxed primitives as their box. */
  private static Type valueType(Type type) {
    if (type instanceof ParameterizedType p && p.getRawType() == JsonField.class) {
      return p.getActualTypeArguments()[0];
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == int.class) {
      return Integer.class;
    }
    return type;
  }

  private static List<Method> publicMethods(Class<?> c) {
    List<Method> out = new ArrayList<>();
    for (Method m : c.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
        out.add(m);
      }
    }
    return out;
  }

  /** The simple names of the model types a Java type mentions (type arguments included). */
  private static List<String> namedTypes(Type type) {
    List<String> out = new ArrayList<>();
    if (type instanceof Class<?> c && c.getPackageName().equals("io.logto.management.model")) {
      out.add(c.getSimpleName());
    } else if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        out.addAll(namedTypes(arg));
      }
    }
    return out;
  }

  private static List<String> namedTypes(TypeRef ref) {
    if (ref instanceof TypeRef.Named n) {
      return List.of(n.name());
    }
    if (ref instanceof TypeRef.ListOf l) {
      return namedTypes(l.element());
    }
    if (ref instanceof TypeRef.MapOf m) {
      return namedTypes(m.value());
    }
    return List.of();
  }
}

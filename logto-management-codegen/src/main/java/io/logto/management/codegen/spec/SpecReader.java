package io.logto.management.codegen.spec;

import io.logto.management.codegen.model.ApiModel;
import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.GenerationException;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.ResponseDef;
import io.logto.management.codegen.model.ServiceDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import io.logto.management.codegen.naming.Names;
import io.logto.management.codegen.naming.Overrides;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an OpenAPI 3.0 document into the generator's intermediate model. The only class that sees
 * swagger-parser types.
 *
 * <p>Naming: an inline schema is named after its operation and role ({@code CreateUserRequest},
 * {@code GetUserResponse}, {@code ListUsersResponseItem}), a nested object after its parent and
 * property ({@code GetUserResponseProfile}), a list element with {@code Item}, a map value with
 * {@code Value}, a named component after the component. Every name passes through {@link
 * Overrides#type}. Two different schemas landing on one name fail generation.
 */
@SuppressWarnings("rawtypes") // swagger-parser declares Schema.getProperties() with a raw Schema
public final class SpecReader {
  private final OpenAPI api;
  private final Overrides overrides;
  private final Map<String, TypeDef> types = new TreeMap<>();
  private final Map<String, TypeRef> components = new HashMap<>();
  private final Map<String, String> shapes = new HashMap<>();
  /** For each generated type, the other names its shape was met under, in document order. */
  private final Map<String, List<String>> aliases = new TreeMap<>();

  private SpecReader(OpenAPI api, Overrides overrides) {
    this.api = api;
    this.overrides = overrides;
  }

  /**
   * Parses the document at {@code location} (a file path or an http(s) URL).
   *
   * @throws GenerationException when the document cannot be read
   */
  public static OpenAPI parse(String location) {
    Objects.requireNonNull(location, "location == null");
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(location, null, options);
    if (result == null || result.getOpenAPI() == null) {
      List<String> messages = result == null ? List.of() : result.getMessages();
      throw new GenerationException("cannot read OpenAPI document " + location + ": " + messages);
    }
    return result.getOpenAPI();
  }

  /** Reads the document at {@code location} into the model, as it stands. */
  public static ApiModel read(String location, Overrides overrides) {
    return read(location, overrides, Corrections.none());
  }

  /** Reads the document at {@code location}, corrected where the real server differs, into the model. */
  public static ApiModel read(String location, Overrides overrides, Corrections corrections) {
    OpenAPI api = parse(location);
    corrections.apply(api);
    return new SpecReader(api, overrides).model();
  }

  private ApiModel model() {
    Map<String, List<OperationDef>> byTag = new TreeMap<>();
    if (api.getPaths() == null) {
      throw new GenerationException("the document has no paths");
    }
    for (Map.Entry<String, PathItem> e : api.getPaths().entrySet()) {
      PathItem item = e.getValue();
      // insertion order is the order operations are read in
      Map<String, Operation> ops = new LinkedHashMap<>();
      ops.put("get", item.getGet());
      ops.put("put", item.getPut());
      ops.put("post", item.getPost());
      ops.put("delete", item.getDelete());
      ops.put("patch", item.getPatch());
      ops.put("head", item.getHead());
      for (Map.Entry<String, Operation> o : ops.entrySet()) {
        String m = o.getKey();
        Operation op = o.getValue();
        if (op == null) {
          continue;
        }
        String where = m.toUpperCase(Locale.ROOT) + " " + e.getKey();
        if (op.getOperationId() == null || op.getOperationId().isBlank()) {
          throw new GenerationException(where + " has no operationId");
        }
        if (op.getTags() == null || op.getTags().isEmpty()) {
          throw new GenerationException(where + " (" + op.getOperationId() + ") has no tag");
        }
        String tag = op.getTags().get(0);
        byTag.computeIfAbsent(tag, t -> new ArrayList<>())
            .add(operation(tag, m, e.getKey(), item, op));
      }
    }
    List<ServiceDef> services = new ArrayList<>();
    Map<String, String> classToTag = new HashMap<>();
    for (Map.Entry<String, List<OperationDef>> e : byTag.entrySet()) {
      String tag = e.getKey();
      String className = overrides.service(tag).orElse(Names.pascal(tag) + "Service");
      String previous = classToTag.put(className, tag);
      if (previous != null) {
        throw new GenerationException(
            "service name collision: tags '" + previous + "' and '" + tag + "' both give "
                + className + "; add a service.<tag> entry to the overrides file");
      }
      String accessor = Names.camel(className.replaceFirst("Service$", ""));
      List<OperationDef> ops = new ArrayList<>(e.getValue());
      ops.sort(Comparator.comparing(OperationDef::operationId));
      checkMethodNames(tag, ops);
      services.add(new ServiceDef(tag, className, accessor, ops));
    }
    services.sort(Comparator.comparing(ServiceDef::className));
    return rename(services);
  }

  /**
   * A shared type takes the shortest of the names it was met under (ties: the first in document
   * order): {@code GetUserResponse} rather than the name of whichever operation came first.
   */
  private ApiModel rename(List<ServiceDef> services) {
    Map<String, String> renames = new TreeMap<>();
    Set<String> taken = new java.util.HashSet<>(types.keySet());
    for (Map.Entry<String, List<String>> e : aliases.entrySet()) {
      String best = e.getKey();
      for (String candidate : e.getValue()) {
        if (better(candidate, best) && !taken.contains(candidate)) {
          best = candidate;
        }
      }
      if (!best.equals(e.getKey())) {
        renames.put(e.getKey(), best);
        taken.add(best);
      }
    }
    ApiModel model = applyRenames(services, types.values(), renames);
    return applyRenames(model.services(), model.types(), merges(model));
  }

  /**
   * The entity merges of the overrides file ({@code same.Role=ListRolesResponseItem}): each named
   * shape is folded into its entity, checked to exist.
   */
  private Map<String, String> merges(ApiModel model) {
    Map<String, String> merges = new TreeMap<>();
    Set<String> names = new java.util.HashSet<>();
    model.types().forEach(t -> names.add(t.name()));
    overrides.sameAs().forEach((entity, shapesOf) -> {
      for (String shape : shapesOf) {
        if (!names.contains(shape) || !names.contains(entity)) {
          throw new GenerationException(
              "overrides: same." + entity + " names " + shape + ", but the model has no type "
                  + (names.contains(entity) ? shape : entity));
        }
        merges.put(shape, entity);
      }
    });
    return merges;
  }

  /**
   * Renames types and every reference to them; two records renamed onto one name become one record
   * with the properties of both, a property only one has optional.
   */
  private static ApiModel applyRenames(
      List<ServiceDef> services, java.util.Collection<TypeDef> defs, Map<String, String> renames) {
    if (renames.isEmpty()) {
      return new ApiModel(services, new ArrayList<>(defs));
    }
    Map<String, TypeDef> renamed = new TreeMap<>();
    for (TypeDef t : defs) {
      TypeDef r = renameDef(t, renames);
      TypeDef existing = renamed.get(r.name());
      renamed.put(r.name(), existing == null ? r : union(existing, r));
    }
    List<ServiceDef> out = new ArrayList<>();
    for (ServiceDef s : services) {
      List<OperationDef> ops = new ArrayList<>();
      for (OperationDef op : s.operations()) {
        ops.add(
            new OperationDef(
                op.operationId(),
                op.methodName(),
                op.httpMethod(),
                op.path(),
                op.summary(),
                renameParams(op.pathParams(), renames),
                renameParams(op.queryParams(), renames),
                op.paramsType(),
                op.body() == null
                    ? null
                    : new BodyDef(
                        op.body().kind(),
                        op.body().type() == null ? null : rename(op.body().type(), renames),
                        op.body().required(),
                        op.body().parts()),
                op.response().type() == null
                    ? op.response()
                    : new ResponseDef(
                        op.response().kind(),
                        rename(op.response().type(), renames),
                        op.response().mediaType()),
                op.paginated()));
      }
      out.add(new ServiceDef(s.tag(), s.className(), s.accessor(), ops));
    }
    return new ApiModel(out, new ArrayList<>(renamed.values()));
  }

  private static TypeDef union(TypeDef a, TypeDef b) {
    if (!(a instanceof TypeDef.RecordDef ra) || !(b instanceof TypeDef.RecordDef rb)) {
      throw new GenerationException("cannot merge " + a.origin() + " and " + b.origin() + " into " + a.name() + ": only records merge");
    }
    Map<String, FieldDef> fa = new LinkedHashMap<>();
    ra.fields().forEach(f -> fa.put(f.jsonName(), f));
    Map<String, FieldDef> fb = new LinkedHashMap<>();
    rb.fields().forEach(f -> fb.put(f.jsonName(), f));
    List<FieldDef> fields = new ArrayList<>();
    Map<String, FieldDef> all = new LinkedHashMap<>(fa);
    fb.forEach(all::putIfAbsent);
    for (FieldDef f : all.values()) {
      FieldDef x = fa.get(f.jsonName());
      FieldDef y = fb.get(f.jsonName());
      if (x != null && y != null && !x.type().equals(y.type())) {
        throw new GenerationException(
            "cannot merge " + ra.origin() + " and " + rb.origin() + " into " + a.name() + ": property '"
                + f.jsonName() + "' is " + x.type() + " in one and " + y.type() + " in the other");
      }
      boolean required = x != null && y != null && x.required() && y.required();
      boolean nullable = (x != null && x.nullable()) || (y != null && y.nullable());
      fields.add(new FieldDef(f.jsonName(), f.javaName(), f.type(), required, nullable, f.facts(), f.constant()));
    }
    List<String> oneOfs = new ArrayList<>(ra.implementsOneOf());
    oneOfs.addAll(rb.implementsOneOf());
    return new TypeDef.RecordDef(ra.name(), ra.origin(), fields, ra.request() || rb.request(), oneOfs);
  }

  /** A name beats another when it is not a numbered fallback ({@code Option3}) and is shorter. */
  private static boolean better(String candidate, String current) {
    boolean candidateFallback = FALLBACK.matcher(candidate).find();
    boolean currentFallback = FALLBACK.matcher(current).find();
    if (candidateFallback != currentFallback) {
      return currentFallback;
    }
    return candidate.length() < current.length();
  }

  private static final java.util.regex.Pattern FALLBACK = java.util.regex.Pattern.compile("Option\\d+");

  private static List<ParamDef> renameParams(List<ParamDef> params, Map<String, String> renames) {
    List<ParamDef> out = new ArrayList<>();
    for (ParamDef p : params) {
      out.add(
          new ParamDef(
              p.name(), p.javaName(), rename(p.type(), renames), p.required(), p.explodedObject(), p.facts()));
    }
    return out;
  }

  private static TypeDef renameDef(TypeDef t, Map<String, String> renames) {
    String name = renames.getOrDefault(t.name(), t.name());
    if (t instanceof TypeDef.RecordDef r) {
      List<FieldDef> fields = new ArrayList<>();
      for (FieldDef f : r.fields()) {
        fields.add(
            new FieldDef(
                f.jsonName(),
                f.javaName(),
                rename(f.type(), renames),
                f.required(),
                f.nullable(),
                f.facts(),
                f.constant()));
      }
      List<String> parent = new ArrayList<>();
      r.implementsOneOf().forEach(i -> parent.add(renames.getOrDefault(i, i)));
      return new TypeDef.RecordDef(name, r.origin(), fields, r.request(), parent);
    }
    if (t instanceof TypeDef.EnumDef e) {
      return new TypeDef.EnumDef(name, e.origin(), e.values());
    }
    TypeDef.OneOfDef o = (TypeDef.OneOfDef) t;
    List<TypeDef.Variant> variants = new ArrayList<>();
    for (TypeDef.Variant v : o.variants()) {
      variants.add(
          new TypeDef.Variant(renames.getOrDefault(v.type(), v.type()), v.required(), v.constants()));
    }
    return new TypeDef.OneOfDef(name, o.origin(), variants);
  }

  private static TypeRef rename(TypeRef ref, Map<String, String> renames) {
    if (ref instanceof TypeRef.Named n) {
      return new TypeRef.Named(renames.getOrDefault(n.name(), n.name()));
    }
    if (ref instanceof TypeRef.ListOf l) {
      return new TypeRef.ListOf(rename(l.element(), renames));
    }
    if (ref instanceof TypeRef.MapOf m) {
      return new TypeRef.MapOf(rename(m.value(), renames));
    }
    return ref;
  }

  private static void checkMethodNames(String tag, List<OperationDef> ops) {
    Map<String, String> seen = new HashMap<>();
    for (OperationDef op : ops) {
      List<String> names = new ArrayList<>(List.of(op.methodName()));
      if (op.paginated()) {
        names.add(op.methodName() + "All");
      }
      for (String n : names) {
        String previous = seen.put(n, op.operationId());
        if (previous != null) {
          throw new GenerationException(
              "method name collision in tag '" + tag + "': " + previous + " and "
                  + op.operationId() + " both give " + n
                  + "(); add a method.<operationId> entry to the overrides file");
        }
      }
    }
  }

  private List<String> noun(String tag) {
    String text = overrides.noun(tag).orElse(tag);
    List<String> words = new ArrayList<>(Names.words(text));
    if (!words.isEmpty() && overrides.noun(tag).isEmpty()) {
      int last = words.size() - 1;
      words.set(last, Names.singular(words.get(last)));
    }
    return words;
  }

  private OperationDef operation(String tag, String method, String path, PathItem item, Operation op) {
    String id = op.getOperationId();
    String origin = "#/paths/" + pointer(path) + "/" + method;
    String methodName = overrides.method(id).orElse(Names.methodName(id, noun(tag)));
    List<Parameter> params = new ArrayList<>();
    if (item.getParameters() != null) {
      params.addAll(item.getParameters());
    }
    if (op.getParameters() != null) {
      params.addAll(op.getParameters());
    }
    List<ParamDef> pathParams = new ArrayList<>();
    List<ParamDef> queryParams = new ArrayList<>();
    String paramsName = overrides.type(id + "Params");
    Set<String> javaNames = new LinkedHashSet<>();
    for (Parameter raw : params) {
      Parameter p = resolve(raw);
      String javaName = Names.camel(p.getName());
      if ("path".equals(p.getIn())) {
        // an enum-valued path parameter is the open enum of its values, anything else text
        TypeRef type =
            typeOf(
                p.getSchema(),
                id + Names.pascal(p.getName()),
                raw.get$ref() != null
                    ? raw.get$ref() + "/schema"
                    : origin + "/parameters/" + params.indexOf(raw) + "/schema",
                true);
        if (!(type instanceof TypeRef.Named)) {
          type = TypeRef.Scalar.STRING;
        }
        pathParams.add(new ParamDef(p.getName(), javaName, type, true, false, facts(p.getSchema(), p.getName(), type)));
      } else if ("query".equals(p.getIn())) {
        if (!javaNames.add(javaName)) {
          throw new GenerationException(
              "parameter name collision in " + id + ": two query parameters give " + javaName);
        }
        Schema<?> s = deref(p.getSchema());
        boolean exploded =
            s != null && "object".equals(s.getType()) && !Boolean.FALSE.equals(p.getExplode());
        TypeRef type;
        if (exploded) {
          type = new TypeRef.MapOf(TypeRef.Scalar.STRING);
        } else {
          type =
              queryType(
                  s,
                  paramsName + Names.pascal(p.getName()),
                  raw.get$ref() != null
                      ? raw.get$ref() + "/schema"
                      : origin + "/parameters/" + params.indexOf(raw) + "/schema");
        }
        // a required parameter with a default is filled in by the server when left out
        boolean required = Boolean.TRUE.equals(p.getRequired()) && (s == null || s.getDefault() == null);
        queryParams.add(
            new ParamDef(p.getName(), javaName, type, required, exploded, facts(p.getSchema(), p.getName(), type)));
      }
      // header and cookie parameters are the transport's business (auth) and not generated
    }
    pathParams.sort(Comparator.comparingInt(pp -> path.indexOf("{" + pp.name() + "}")));
    BodyDef body = body(id, origin, op.getRequestBody());
    ResponseDef response = response(id, origin, op);
    boolean paginated =
        queryParams.stream().anyMatch(q -> q.name().equals("page"))
            && queryParams.stream().anyMatch(q -> q.name().equals("page_size"))
            && response.kind() == ResponseDef.Kind.JSON
            && response.type() instanceof TypeRef.ListOf list
            && !(list.element() instanceof TypeRef.ListOf)
            && !(list.element() instanceof TypeRef.MapOf);
    return new OperationDef(
        id,
        methodName,
        method.toUpperCase(Locale.ROOT),
        path,
        op.getSummary() == null ? "" : op.getSummary().strip(),
        pathParams,
        queryParams,
        queryParams.isEmpty() ? null : paramsName,
        body,
        response,
        paginated);
  }

  /** A query parameter: {@code oneOf: [array of X, X]} means "one or more X", sent repeated. */
  private TypeRef queryType(Schema<?> s, String name, String origin) {
    if (s != null && s.getOneOf() != null && s.getOneOf().size() == 2) {
      Schema<?> a = deref(s.getOneOf().get(0));
      Schema<?> b = deref(s.getOneOf().get(1));
      if ("array".equals(b.getType())) {
        Schema<?> t = a;
        a = b;
        b = t;
      }
      if ("array".equals(a.getType()) && a.getItems() != null && !"array".equals(b.getType())) {
        return new TypeRef.ListOf(typeOf(b, name, origin, true));
      }
    }
    return typeOf(s, name, origin, true);
  }

  private BodyDef body(String id, String origin, RequestBody raw) {
    if (raw == null) {
      return null;
    }
    RequestBody rb = raw;
    if (rb.get$ref() != null) {
      String key = lastSegment(rb.get$ref());
      rb = api.getComponents().getRequestBodies().get(key);
    }
    Content content = rb.getContent();
    if (content == null || content.isEmpty()) {
      return null;
    }
    boolean required = Boolean.TRUE.equals(rb.getRequired());
    String name = id + "Request";
    String bodyOrigin = origin + "/requestBody/content/";
    for (Map.Entry<String, MediaType> e : content.entrySet()) {
      String mt = e.getKey().toLowerCase(Locale.ROOT);
      Schema<?> schema = e.getValue().getSchema();
      if (mt.startsWith("application/json")) {
        return new BodyDef(
            BodyDef.Kind.JSON,
            typeOf(schema, name, bodyOrigin + pointer(e.getKey()) + "/schema", true),
            required,
            List.of());
      }
      if (mt.startsWith("application/x-www-form-urlencoded")) {
        TypeRef type = typeOf(schema, name, bodyOrigin + pointer(e.getKey()) + "/schema", true);
        if (!(type instanceof TypeRef.Named)) {
          throw new GenerationException(id + ": a form body must be an object with properties");
        }
        return new BodyDef(BodyDef.Kind.FORM, type, required, List.of());
      }
      if (mt.startsWith("multipart/form-data")) {
        List<BodyDef.Part> parts = new ArrayList<>();
        Schema<?> s = deref(schema);
        if (s != null && s.getProperties() != null) {
          for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
            Schema<?> ps = deref(p.getValue());
            boolean file =
                ps.getType() == null
                    || "binary".equals(ps.getFormat())
                    || "base64".equals(ps.getFormat());
            parts.add(new BodyDef.Part(p.getKey(), Names.camel(p.getKey()), file));
          }
        }
        return new BodyDef(BodyDef.Kind.MULTIPART, null, required, parts);
      }
    }
    throw new GenerationException(id + ": unsupported request media types " + content.keySet());
  }

  private ResponseDef response(String id, String origin, Operation op) {
    if (op.getResponses() == null) {
      return new ResponseDef(ResponseDef.Kind.NONE, null, null);
    }
    Map<String, ApiResponse> sorted = new TreeMap<>(op.getResponses());
    for (Map.Entry<String, ApiResponse> e : sorted.entrySet()) {
      if (!e.getKey().startsWith("2")) {
        continue;
      }
      ApiResponse r = e.getValue();
      if (r.get$ref() != null) {
        r = api.getComponents().getResponses().get(lastSegment(r.get$ref()));
      }
      Content content = r.getContent();
      if (content == null || content.isEmpty()) {
        continue;
      }
      String responseOrigin = origin + "/responses/" + e.getKey();
      for (Map.Entry<String, MediaType> c : content.entrySet()) {
        String mt = c.getKey().toLowerCase(Locale.ROOT);
        if (mt.startsWith("text/") || mt.endsWith("/xml")) {
          return new ResponseDef(ResponseDef.Kind.TEXT, null, c.getKey());
        }
      }
      String mediaType = content.containsKey("application/json") ? "application/json" : content.keySet().iterator().next();
      MediaType json = content.get(mediaType);
      TypeRef type =
          json.getSchema() == null
              ? TypeRef.Scalar.JSON
              : typeOf(
                  json.getSchema(),
                  id + "Response",
                  responseOrigin + "/content/" + pointer(mediaType) + "/schema",
                  false);
      if (type == TypeRef.Scalar.STRING) {
        return new ResponseDef(ResponseDef.Kind.TEXT, null, null);
      }
      return new ResponseDef(ResponseDef.Kind.JSON, type, null);
    }
    return new ResponseDef(ResponseDef.Kind.NONE, null, null);
  }

  // ---- schemas ---------------------------------------------------------------------------

  private TypeRef typeOf(Schema<?> raw, String name, String origin, boolean request) {
    if (raw == null) {
      return TypeRef.Scalar.JSON;
    }
    if (raw.get$ref() != null) {
      return component(raw.get$ref(), request);
    }
    Schema<?> s = raw;
    if (s.getOneOf() != null && !s.getOneOf().isEmpty()) {
      return oneOf(s, name, origin, request);
    }
    if ((s.getAnyOf() != null && !s.getAnyOf().isEmpty())
        || (s.getAllOf() != null && !s.getAllOf().isEmpty())) {
      return TypeRef.Scalar.JSON;
    }
    String type = s.getType();
    if (s.getEnum() != null
        && !s.getEnum().isEmpty()
        && (type == null || "string".equals(type))
        && s.getEnum().stream().allMatch(v -> v instanceof String)) {
      List<String> values = new ArrayList<>();
      for (Object v : s.getEnum()) {
        values.add((String) v);
      }
      return register(new TypeDef.EnumDef(overrides.type(name), origin, distinct(values)));
    }
    if (type == null) {
      return hasProperties(s) ? record(s, name, origin, request, null) : TypeRef.Scalar.JSON;
    }
    return switch (type) {
      case "string" -> TypeRef.Scalar.STRING;
      case "integer" -> "int64".equals(s.getFormat()) ? TypeRef.Scalar.LONG : TypeRef.Scalar.INTEGER;
      case "number" -> number(s.getFormat());
      case "boolean" -> TypeRef.Scalar.BOOLEAN;
      case "array" ->
          new TypeRef.ListOf(typeOf(s.getItems(), name + "Item", origin + "/items", request));
      case "object" -> object(s, name, origin, request);
      default -> TypeRef.Scalar.JSON;
    };
  }

  /**
   * Logto writes every number as {@code type: number}, yet sends whole numbers only (counts, limits,
   * epoch timestamps): a number is a {@code long} unless a correction says it has fractions.
   */
  private static TypeRef number(String format) {
    if (format == null) {
      return TypeRef.Scalar.LONG;
    }
    return switch (format) {
      case Formats.EPOCH_MILLIS -> TypeRef.Scalar.INSTANT_MILLIS;
      case Formats.EPOCH_SECONDS -> TypeRef.Scalar.INSTANT_SECONDS;
      case Formats.DECIMAL -> TypeRef.Scalar.NUMBER;
      default -> TypeRef.Scalar.LONG;
    };
  }

  /**
   * Logto's entity timestamps ({@code createdAt}, {@code updatedAt}, {@code expiresAt},
   * {@code lastSignInAt}...) are numbers of epoch milliseconds named {@code ...At}.
   */
  private static TypeRef timestamp(String jsonName, Schema<?> schema, TypeRef type) {
    boolean named = jsonName.length() > 2 && jsonName.endsWith("At") && Character.isLowerCase(jsonName.charAt(jsonName.length() - 3));
    if (named && type == TypeRef.Scalar.LONG && schema != null && schema.getFormat() == null) {
      return TypeRef.Scalar.INSTANT_MILLIS;
    }
    return type;
  }

  private TypeRef object(Schema<?> s, String name, String origin, boolean request) {
    if (hasProperties(s)) {
      return record(s, name, origin, request, null);
    }
    Object ap = s.getAdditionalProperties();
    if (ap instanceof Schema<?> apSchema && !isEmptySchema(apSchema)) {
      return new TypeRef.MapOf(
          typeOf(apSchema, name + "Value", origin + "/additionalProperties", request));
    }
    return TypeRef.Scalar.JSON;
  }

  private static boolean isEmptySchema(Schema<?> s) {
    return s.get$ref() == null
        && s.getType() == null
        && s.getProperties() == null
        && s.getOneOf() == null
        && s.getEnum() == null;
  }

  private static boolean hasProperties(Schema<?> s) {
    return s.getProperties() != null && !s.getProperties().isEmpty();
  }

  private TypeRef.Named record(
      Schema<?> s, String name, String origin, boolean request, String oneOfParent) {
    String finalName = overrides.type(name);
    TypeDef existing = types.get(finalName);
    if (existing != null && existing.origin().equals(origin)) {
      return new TypeRef.Named(finalName);
    }
    List<FieldDef> fields = new ArrayList<>();
    Set<String> javaNames = new LinkedHashSet<>();
    javaNames.add("additionalProperties");
    List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
    // a oneOf variant's discriminator: the property it pins to one value
    Map<String, Set<String>> pins = oneOfParent == null ? Map.of() : constants(s);
    for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
      String json = p.getKey();
      String javaName = Names.camel(json);
      if (!javaNames.add(javaName)) {
        throw new GenerationException(
            "property name collision in " + finalName + " (" + origin + "): '" + json
                + "' gives the Java name " + javaName + " which is already taken");
      }
      Schema<?> ps = p.getValue();
      Schema<?> resolved = deref(ps);
      TypeRef type =
          timestamp(
              json,
              resolved,
              typeOf(ps, finalName + Names.pascal(json), origin + "/properties/" + pointer(json), request));
      boolean nullable = Boolean.TRUE.equals(ps.getNullable())
          || (resolved != null && Boolean.TRUE.equals(resolved.getNullable()));
      // Logto lists properties with a default as required, yet fills them in when left out
      boolean isRequired =
          required.contains(json)
              && ps.getDefault() == null
              && (resolved == null || resolved.getDefault() == null);
      Set<String> pinned = pins.get(json);
      String constant = pinned != null && pinned.size() == 1 ? pinned.iterator().next() : null;
      fields.add(new FieldDef(json, javaName, type, isRequired, nullable, facts(ps, json, type), constant));
    }
    return register(
        new TypeDef.RecordDef(finalName, origin, fields, request, oneOfParent == null ? List.of() : List.of(oneOfParent)));
  }

  private TypeRef oneOf(Schema<?> s, String name, String origin, boolean request) {
    List<Schema<?>> variants = new ArrayList<>();
    for (Schema<?> v : s.getOneOf()) {
      variants.add(deref(v));
    }
    if (variants.stream().allMatch(SpecReader::booleanText)) {
      // Logto's query booleans: oneOf the texts "true" and "false"
      return TypeRef.Scalar.BOOLEAN;
    }
    if (variants.stream().allMatch(v -> "string".equals(v.getType()))) {
      if (variants.stream().allMatch(v -> v.getEnum() != null && !v.getEnum().isEmpty())) {
        List<String> values = new ArrayList<>();
        for (Schema<?> v : variants) {
          for (Object o : v.getEnum()) {
            values.add(String.valueOf(o));
          }
        }
        return register(new TypeDef.EnumDef(overrides.type(name), origin, distinct(values)));
      }
      return TypeRef.Scalar.STRING;
    }
    if (variants.stream().allMatch(v -> "boolean".equals(v.getType()))) {
      return TypeRef.Scalar.BOOLEAN;
    }
    boolean allObjects =
        variants.stream()
            .allMatch(v -> ("object".equals(v.getType()) || v.getType() == null) && hasProperties(v));
    if (!allObjects) {
      return TypeRef.Scalar.JSON;
    }
    String finalName = overrides.type(name);
    List<String> suffixes = variantSuffixes(variants);
    List<TypeDef.Variant> defs = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      Schema<?> v = variants.get(i);
      TypeRef.Named rec =
          record(v, finalName + suffixes.get(i), origin + "/oneOf/" + i, request, finalName);
      defs.add(
          new TypeDef.Variant(
              rec.name(), v.getRequired() == null ? List.of() : v.getRequired(), constants(v)));
    }
    return register(new TypeDef.OneOfDef(finalName, origin, defs));
  }

  private static boolean booleanText(Schema<?> v) {
    return "string".equals(v.getType()) && ("\"true\"".equals(v.getFormat()) || "\"false\"".equals(v.getFormat()));
  }

  /**
   * Readable variant names from a property every variant requires and pins to a distinct constant
   * (Logto writes constants as {@code format: "\"Totp\""} or a one-value enum); else Option1..n.
   */
  private List<String> variantSuffixes(List<Schema<?>> variants) {
    // the property pinned (one allowed value) in most variants, with distinct values
    Map<String, Map<Integer, String>> pinned = new TreeMap<>();
    for (int i = 0; i < variants.size(); i++) {
      for (Map.Entry<String, Set<String>> c : constants(variants.get(i)).entrySet()) {
        if (c.getValue().size() == 1) {
          pinned.computeIfAbsent(c.getKey(), k -> new TreeMap<>()).put(i, c.getValue().iterator().next());
        }
      }
    }
    Map<Integer, String> best = Map.of();
    for (Map<Integer, String> values : pinned.values()) {
      boolean distinct = new LinkedHashSet<>(values.values()).size() == values.size();
      if (distinct && values.size() > best.size()) {
        best = values;
      }
    }
    List<String> suffixes = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (int i = 0; i < variants.size(); i++) {
      String suffix =
          best.containsKey(i)
              ? Names.pascal(best.get(i))
              : uniqueRequired(variants, i).map(Names::pascal).orElse("Option" + (i + 1));
      if (!used.add(suffix)) {
        suffix = "Option" + (i + 1);
        used.add(suffix);
      }
      suffixes.add(suffix);
    }
    return suffixes;
  }

  /** The first property only variant {@code i} requires ({@code email} vs {@code phone}). */
  private static java.util.Optional<String> uniqueRequired(List<Schema<?>> variants, int i) {
    List<String> own = variants.get(i).getRequired() == null ? List.of() : variants.get(i).getRequired();
    for (String property : own) {
      boolean unique = true;
      for (int j = 0; j < variants.size() && unique; j++) {
        List<String> other = variants.get(j).getRequired();
        unique = j == i || other == null || !other.contains(property);
      }
      if (unique) {
        return java.util.Optional.of(property);
      }
    }
    return Optional.empty();
  }

  private Map<String, Set<String>> constants(Schema<?> v) {
    Map<String, Set<String>> out = new TreeMap<>();
    if (v.getProperties() == null) {
      return out;
    }
    for (Map.Entry<String, Schema> p : v.getProperties().entrySet()) {
      Schema<?> ps = deref(p.getValue());
      if (ps == null) {
        continue;
      }
      if (ps.getEnum() != null && !ps.getEnum().isEmpty()) {
        Set<String> values = new LinkedHashSet<>();
        for (Object o : ps.getEnum()) {
          values.add(String.valueOf(o));
        }
        out.put(p.getKey(), values);
      } else if (ps.getFormat() != null) {
        String f = ps.getFormat();
        if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
          out.put(p.getKey(), Set.of(f.substring(1, f.length() - 1)));
        } else if ("boolean".equals(ps.getType()) && (f.equals("true") || f.equals("false"))) {
          out.put(p.getKey(), Set.of(f));
        }
      }
    }
    return out;
  }

  private TypeRef component(String ref, boolean request) {
    TypeRef known = components.get(ref);
    if (known != null) {
      return known;
    }
    String key = lastSegment(ref);
    Schema<?> s = api.getComponents() == null ? null : api.getComponents().getSchemas().get(key);
    if (s == null) {
      throw new GenerationException("unresolved reference " + ref);
    }
    String name = overrides.type(Names.pascal(key));
    if (hasProperties(s) && s.getOneOf() == null) {
      // registered before its fields so recursive references terminate
      components.put(ref, new TypeRef.Named(name));
    }
    TypeRef type = typeOf(s, Names.pascal(key), "#/components/schemas/" + key, false);
    components.put(ref, type);
    return type;
  }

  /**
   * Registers a type; a type with the same shape as one already registered is not generated
   * twice: the first one (in document order) is reused, so identical inline schemas of several
   * operations share one class.
   */
  private TypeRef.Named register(TypeDef def) {
    String shape = shape(def);
    String same = shapes.get(shape);
    if (same != null) {
      if (!same.equals(def.name()) && !types.containsKey(def.name())) {
        aliases.computeIfAbsent(same, k -> new ArrayList<>()).add(def.name());
      }
      if (def instanceof TypeDef.RecordDef r && types.get(same) instanceof TypeDef.RecordDef existing) {
        types.put(same, existing.merge(r.request(), r.implementsOneOf()));
      } else if (def instanceof TypeDef.OneOfDef o) {
        // the variants were registered as implementing this (dropped) oneOf: point them at the kept one
        for (TypeDef.Variant v : o.variants()) {
          if (types.get(v.type()) instanceof TypeDef.RecordDef variant) {
            List<String> parents = new ArrayList<>(variant.implementsOneOf());
            parents.remove(o.name());
            parents.add(same);
            types.put(v.type(), new TypeDef.RecordDef(variant.name(), variant.origin(), variant.fields(), variant.request(), parents));
          }
        }
      }
      return new TypeRef.Named(same);
    }
    TypeDef existing = types.get(def.name());
    if (existing != null && !existing.origin().equals(def.origin())) {
      throw new GenerationException(
          "type name collision: " + def.name() + " is produced by both " + existing.origin()
              + " and " + def.origin() + "; add a type." + def.name()
              + "=<NewName> entry to the overrides file");
    }
    types.put(def.name(), def);
    shapes.put(shape, def.name());
    return new TypeRef.Named(def.name());
  }

  private static String shape(TypeDef def) {
    if (def instanceof TypeDef.RecordDef r) {
      // a request part and a response part of one shape are one record (with a builder); a shape met
      // as a variant of several oneOfs is one record implementing each
      // a pinned discriminator does not make a shape different: a loose copy of a variant is that variant
      List<String> fields = new ArrayList<>();
      r.fields().forEach(f -> fields.add(new FieldDef(f.jsonName(), f.javaName(), f.type(), f.required(), f.nullable(), f.facts()).toString()));
      return "record " + fields;
    }
    if (def instanceof TypeDef.EnumDef e) {
      return "enum " + e.values();
    }
    return "oneOf " + ((TypeDef.OneOfDef) def).variants();
  }

  // ---- helpers ---------------------------------------------------------------------------

  private Parameter resolve(Parameter p) {
    Parameter current = p;
    for (int i = 0; i < 8 && current.get$ref() != null; i++) {
      String key = lastSegment(current.get$ref());
      Parameter next =
          api.getComponents() == null || api.getComponents().getParameters() == null
              ? null
              : api.getComponents().getParameters().get(key);
      if (next == null) {
        throw new GenerationException("unresolved parameter reference " + current.get$ref());
      }
      current = next;
    }
    return current;
  }

  private Schema<?> deref(Schema<?> s) {
    Schema<?> current = s;
    for (int i = 0; i < 8 && current != null && current.get$ref() != null; i++) {
      current = api.getComponents().getSchemas().get(lastSegment(current.get$ref()));
    }
    return current;
  }

  private static String lastSegment(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private static String pointer(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static List<String> distinct(List<String> values) {
    return new ArrayList<>(new LinkedHashSet<>(values));
  }

  /**
   * Facts of a property or parameter for Javadoc: its unit (an epoch timestamp's, or the {@code
   * unit.} override of its wire name), enum values, bounds, lengths, default, deprecation.
   */
  private String facts(Schema<?> raw, String wireName, TypeRef type) {
    List<String> facts = new ArrayList<>();
    if (type == TypeRef.Scalar.INSTANT_MILLIS) {
      facts.add("epoch milliseconds on the wire");
    } else if (type == TypeRef.Scalar.INSTANT_SECONDS) {
      facts.add("epoch seconds on the wire");
    } else if (type == TypeRef.Scalar.INTEGER || type == TypeRef.Scalar.LONG || type == TypeRef.Scalar.NUMBER) {
      overrides.unit(wireName).ifPresent(facts::add);
    }
    Schema<?> s = deref(raw);
    if (s == null) {
      return String.join(", ", facts);
    }
    enumValues(s).ifPresent(values -> facts.add("one of " + values));
    if (s.getItems() != null) {
      enumValues(deref(s.getItems())).ifPresent(values -> facts.add("each one of " + values));
    }
    if (s.getMinimum() != null) {
      facts.add("minimum " + s.getMinimum().toPlainString());
    }
    if (s.getMaximum() != null) {
      facts.add("maximum " + s.getMaximum().toPlainString());
    }
    if (s.getMinLength() != null) {
      facts.add("minLength " + s.getMinLength());
    }
    if (s.getMaxLength() != null) {
      facts.add("maxLength " + s.getMaxLength());
    }
    if (s.getMinItems() != null) {
      facts.add("minItems " + s.getMinItems());
    }
    if (s.getMaxItems() != null) {
      facts.add("maxItems " + s.getMaxItems());
    }
    if (s.getDefault() != null) {
      facts.add("default: " + s.getDefault());
    }
    if (Boolean.TRUE.equals(s.getDeprecated()) || Boolean.TRUE.equals(raw.getDeprecated())) {
      facts.add("deprecated");
    }
    return String.join(", ", facts);
  }

  /** The enum values of a schema joined for Javadoc ({@code a | b}), if it has any. */
  private static Optional<String> enumValues(Schema<?> s) {
    if (s == null || s.getEnum() == null || s.getEnum().isEmpty()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (Object v : s.getEnum()) {
      values.add(String.valueOf(v));
    }
    return Optional.of(String.join(" | ", values));
  }
}

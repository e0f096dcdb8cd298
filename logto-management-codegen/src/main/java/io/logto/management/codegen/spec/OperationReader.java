package io.logto.management.codegen.spec;

import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.GenerationException;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.ResponseDef;
import io.logto.management.codegen.model.TypeRef;
import io.logto.management.codegen.naming.MethodNames;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operation step of the reader: one operation of the document into an {@link OperationDef}:
 * its method name ({@link MethodNames}, or a {@code method.} override), path and query parameters,
 * body and answer.
 */
@SuppressWarnings("rawtypes") // swagger-parser declares Schema.getProperties() with a raw Schema
final class OperationReader {
  private final OpenAPI api;
  private final Overrides overrides;
  private final SchemaReader schemas;

  OperationReader(OpenAPI api, Overrides overrides, SchemaReader schemas) {
    this.api = api;
    this.overrides = overrides;
    this.schemas = schemas;
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

  OperationDef read(String tag, String method, String path, PathItem item, Operation op) {
    String id = op.getOperationId();
    String origin = "#/paths/" + SchemaReader.pointer(path) + "/" + method;
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
            schemas.typeOf(
                p.getSchema(),
                id + Names.pascal(p.getName()),
                raw.get$ref() != null
                    ? raw.get$ref() + "/schema"
                    : origin + "/parameters/" + params.indexOf(raw) + "/schema",
                true);
        if (!(type instanceof TypeRef.Named)) {
          type = TypeRef.Scalar.STRING;
        }
        pathParams.add(new ParamDef(p.getName(), javaName, type, true, false, schemas.facts(p.getSchema(), p.getName(), type)));
      } else if ("query".equals(p.getIn())) {
        if (!javaNames.add(javaName)) {
          throw new GenerationException(
              "parameter name collision in " + id + ": two query parameters give " + javaName);
        }
        Schema<?> s = schemas.deref(p.getSchema());
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
            new ParamDef(p.getName(), javaName, type, required, exploded, schemas.facts(p.getSchema(), p.getName(), type)));
      }
      // header and cookie parameters are the transport's business (auth) and not generated
    }
    pathParams.sort(Comparator.comparingInt(pp -> path.indexOf("{" + pp.name() + "}")));
    BodyDef body = body(id, origin, op.getRequestBody());
    ResponseDef response = response(id, origin, op);
    boolean readsOneObject =
        "get".equals(method) && response.kind() == ResponseDef.Kind.JSON && !(response.type() instanceof TypeRef.ListOf);
    String methodName = overrides.method(id).orElse(MethodNames.of(id, noun(tag), readsOneObject));
    body = named(body, methodName);
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

  /**
   * A free-form JSON body that an update or replace takes whole is named for what the operation
   * changes, as a wrapped one is: {@code applications().updateCustomData(id, customData)} like
   * {@code users().updateCustomData(id, customData)}, never {@code body}.
   */
  private static BodyDef named(BodyDef body, String methodName) {
    if (body == null || body.wrapper() != null || body.kind() != BodyDef.Kind.JSON
        || body.type() != TypeRef.Scalar.JSON) {
      return body;
    }
    return MethodNames.changedPart(methodName).map(body::named).orElse(body);
  }

  /** A query parameter: {@code oneOf: [array of X, X]} means "one or more X", sent repeated. */
  private TypeRef queryType(Schema<?> s, String name, String origin) {
    if (s != null && s.getOneOf() != null && s.getOneOf().size() == 2) {
      Schema<?> a = schemas.deref(s.getOneOf().get(0));
      Schema<?> b = schemas.deref(s.getOneOf().get(1));
      if ("array".equals(b.getType())) {
        Schema<?> t = a;
        a = b;
        b = t;
      }
      if ("array".equals(a.getType()) && a.getItems() != null && !"array".equals(b.getType())) {
        return new TypeRef.ListOf(schemas.typeOf(b, name, origin, true));
      }
    }
    return schemas.typeOf(s, name, origin, true);
  }

  /**
   * The property a body only wraps its value in: an inline object whose one property is required
   * and names what the operation changes ({@code {customData}} of {@code UpdateUserCustomData}).
   * The method then takes that value, as the same operation of another entity takes its bare body
   * ({@code UpdateApplicationCustomData}), so one concept has one Java shape.
   */
  @SuppressWarnings("rawtypes")
  private static String wrapper(String id, Schema<?> schema) {
    if (schema == null || schema.get$ref() != null || schema.getProperties() == null
        || schema.getProperties().size() != 1 || schema.getRequired() == null) {
      return null;
    }
    String property = schema.getProperties().keySet().iterator().next();
    Schema value = schema.getProperties().get(property);
    boolean free = value != null && value.get$ref() == null && "object".equals(value.getType())
        && (value.getProperties() == null || value.getProperties().isEmpty());
    return free && schema.getRequired().contains(property) && id.endsWith(Names.pascal(property)) ? property : null;
  }

  private BodyDef body(String id, String origin, RequestBody raw) {
    if (raw == null) {
      return null;
    }
    RequestBody rb = raw;
    if (rb.get$ref() != null) {
      String key = SchemaReader.lastSegment(rb.get$ref());
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
        String wrapper = wrapper(id, schema);
        if (wrapper != null) {
          return new BodyDef(
              BodyDef.Kind.JSON,
              schemas.typeOf(schema.getProperties().get(wrapper), id + Names.pascal(wrapper),
                  bodyOrigin + SchemaReader.pointer(e.getKey()) + "/schema/properties/" + SchemaReader.pointer(wrapper), true),
              required,
              List.of(),
              wrapper,
              Names.camel(wrapper));
        }
        return new BodyDef(
            BodyDef.Kind.JSON,
            schemas.typeOf(schema, name, bodyOrigin + SchemaReader.pointer(e.getKey()) + "/schema", true),
            required,
            List.of(),
            null,
            overrides.body(id).orElse("body"));
      }
      if (mt.startsWith("application/x-www-form-urlencoded")) {
        TypeRef type = schemas.typeOf(schema, name, bodyOrigin + SchemaReader.pointer(e.getKey()) + "/schema", true);
        if (!(type instanceof TypeRef.Named)) {
          throw new GenerationException(id + ": a form body must be an object with properties");
        }
        return new BodyDef(BodyDef.Kind.FORM, type, required, List.of());
      }
      if (mt.startsWith("multipart/form-data")) {
        List<BodyDef.Part> parts = new ArrayList<>();
        Schema<?> s = schemas.deref(schema);
        if (s != null && s.getProperties() != null) {
          for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
            Schema<?> ps = schemas.deref(p.getValue());
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
        r = api.getComponents().getResponses().get(SchemaReader.lastSegment(r.get$ref()));
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
              : schemas.typeOf(
                  json.getSchema(),
                  id + "Response",
                  responseOrigin + "/content/" + SchemaReader.pointer(mediaType) + "/schema",
                  false);
      if (type == TypeRef.Scalar.STRING) {
        return new ResponseDef(ResponseDef.Kind.TEXT, null, null);
      }
      return new ResponseDef(ResponseDef.Kind.JSON, type, null);
    }
    return new ResponseDef(ResponseDef.Kind.NONE, null, null);
  }

  // ---- schemas ---------------------------------------------------------------------------

  private Parameter resolve(Parameter p) {
    Parameter current = p;
    for (int i = 0; i < 8 && current.get$ref() != null; i++) {
      String key = SchemaReader.lastSegment(current.get$ref());
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
}

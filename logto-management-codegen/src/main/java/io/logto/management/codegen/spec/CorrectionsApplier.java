package io.logto.management.codegen.spec;

import io.logto.management.codegen.model.GenerationException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the entries of {@link Corrections} to a parsed document: finds each target (an operation's
 * body, answer, parameter or a property inside them, or a named component) and replaces its schema as
 * the entry's fix says. Kept apart from the table it applies, which only loads and checks entries.
 */
final class CorrectionsApplier {
  private final List<Corrections.Entry> entries;

  CorrectionsApplier(List<Corrections.Entry> entries) {
    this.entries = entries;
  }

  /**
   * Applies every entry to the document.
   *
   * @throws GenerationException when an entry names an operation or target the document lacks
   */
  @SuppressWarnings("rawtypes") // swagger-parser's component map is raw
  void apply(OpenAPI api) {
    // operationId -> the operation and its path item (swagger models hash by value, so no map on them)
    Map<String, Map.Entry<Operation, PathItem>> operations = new LinkedHashMap<>();
    api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> operations.put(op.getOperationId(), Map.entry(op, item))));
    for (Corrections.Entry e : entries) {
      if (e.target().startsWith("schema:")) {
        String name = e.target().substring("schema:".length());
        Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey(name)) {
          throw new GenerationException("correction for unknown component schema " + name);
        }
        schemas.put(name, fixed(schemas.get(name), e, GivenSchemas.of(api, e)));
        continue;
      }
      List<Map.Entry<Operation, PathItem>> targets = new ArrayList<>();
      if (e.operationId().equals("*")) {
        targets.addAll(operations.values());
      } else {
        Map.Entry<Operation, PathItem> op = operations.get(e.operationId());
        if (op == null) {
          throw new GenerationException("correction for unknown operation " + e.operationId());
        }
        targets.add(op);
      }
      int applied = 0;
      for (Map.Entry<Operation, PathItem> op : targets) {
        applied += applyTo(api, op.getKey(), op.getValue(), e) ? 1 : 0;
      }
      if (applied == 0) {
        throw new GenerationException(
            "correction " + e.operationId() + " " + e.target() + " " + e.fix().text()
                + (e.argument().isEmpty() ? "" : ":" + e.argument()) + " matches nothing in the document");
      }
    }
  }

  private static boolean applyTo(OpenAPI api, Operation op, PathItem item, Corrections.Entry e) {
    String target = e.target();
    if (target.equals("request") || e.fix() == Corrections.Fix.AS_ANSWER) {
      if (!target.equals("request") || e.fix() != Corrections.Fix.AS_ANSWER) {
        throw new GenerationException("'as-answer' applies to a whole request, and only it: " + e);
      }
      Schema<?> answer = responseSchema(op);
      if (requestSchema(op) == null || answer == null) {
        return false;
      }
      op.getRequestBody().getContent().get("application/json").setSchema(answer);
      return true;
    }
    if (target.equals("response")) {
      if (e.fix() != Corrections.Fix.VOID) {
        throw new GenerationException("only 'void' applies to a whole response: " + e);
      }
      for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
        if (r.getKey().startsWith("2")) {
          r.getValue().setContent(null);
        }
      }
      return true;
    }
    int colon = target.indexOf(':');
    if (colon < 0) {
      throw new GenerationException("bad correction target '" + target + "' in " + e);
    }
    String where = target.substring(0, colon);
    String path = target.substring(colon + 1);
    switch (where) {
      case "query", "path" -> {
        List<Parameter> params = new ArrayList<>();
        if (item.getParameters() != null) {
          params.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
          params.addAll(op.getParameters());
        }
        for (Parameter p : params) {
          if (where.equals(p.getIn()) && path.equals(p.getName())) {
            p.setSchema(fixed(p.getSchema(), e, GivenSchemas.of(api, e)));
            return true;
          }
        }
        return false;
      }
      case "response", "request" -> {
        Schema<?> root = where.equals("request") ? requestSchema(op) : responseSchema(op);
        return root != null && patch(api, root, List.of(path.split("\\.")), e, GivenSchemas.of(api, e));
      }
      default -> throw new GenerationException("bad correction target '" + target + "' in " + e);
    }
  }

  private static Schema<?> requestSchema(Operation op) {
    if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
      return null;
    }
    MediaType json = op.getRequestBody().getContent().get("application/json");
    return json == null ? null : json.getSchema();
  }

  static Schema<?> responseSchema(Operation op) {
    for (Map.Entry<String, ApiResponse> r : new java.util.TreeMap<>(op.getResponses()).entrySet()) {
      Content content = r.getValue().getContent();
      if (r.getKey().startsWith("2") && content != null && content.get("application/json") != null) {
        return content.get("application/json").getSchema();
      }
    }
    return null;
  }

  @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-parser's properties map is raw
  private static boolean patch(OpenAPI api, Schema<?> schema, List<String> path, Corrections.Entry e, Schema<?> given) {
    Schema<?> s = deref(api, schema);
    if (s == null) {
      return false;
    }
    String step = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (step.equals("[]")) {
      if (rest.isEmpty()) {
        throw new GenerationException("a fix applies to a property, not to array items: " + e);
      }
      return s.getItems() != null && patch(api, s.getItems(), rest, e, given);
    }
    if (step.startsWith("[]")) {
      List<String> split = new ArrayList<>();
      split.add("[]");
      split.add(step.substring(2));
      split.addAll(rest);
      return patch(api, s, split, e, given);
    }
    boolean found = false;
    // a property may sit in any variant of a oneOf
    if (s.getOneOf() != null) {
      for (Schema<?> v : s.getOneOf()) {
        found |= patch(api, v, path, e, given);
      }
    }
    Map<String, Schema> properties = s.getProperties();
    if (rest.isEmpty() && e.fix() == Corrections.Fix.SERVER_MANAGED) {
      if (schema.get$ref() != null || properties == null || properties.remove(step) == null) {
        return found;
      }
      if (s.getRequired() != null) {
        List<String> required = new ArrayList<>(s.getRequired());
        required.remove(step);
        s.setRequired(required.isEmpty() ? null : required);
      }
      return true;
    }
    if (rest.isEmpty() && e.fix().text().startsWith("add:")) {
      if (properties == null || properties.containsKey(step)) {
        return found;
      }
      properties.put(step, fixed(null, e, given));
      return true;
    }
    if (properties == null || !properties.containsKey(step)) {
      return found;
    }
    if (rest.isEmpty()) {
      properties.put(step, fixed(properties.get(step), e, given));
      return true;
    }
    return patch(api, properties.get(step), rest, e, given) || found;
  }

  static Schema<?> deref(OpenAPI api, Schema<?> s) {
    Schema<?> current = s;
    for (int i = 0; i < 8 && current != null && current.get$ref() != null; i++) {
      String ref = current.get$ref();
      current = api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return current;
  }

  /** The schema replacing {@code old} (keeping its nullability, description and default). */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> fixed(Schema<?> old, Corrections.Entry e, Schema<?> given) {
    Schema s =
        switch (e.fix()) {
          case ENUM_OF, SHAPE -> given;
          case EPOCH_MILLIS -> new Schema<>().type("number").format(Formats.EPOCH_MILLIS);
          case EPOCH_SECONDS -> new Schema<>().type("number").format(Formats.EPOCH_SECONDS);
          case ISO_INSTANT -> new Schema<>().type("string").format(Formats.ISO_INSTANT);
          case DECIMAL -> new Schema<>().type("number").format(Formats.DECIMAL);
          case BOOLEAN -> new Schema<>().type("boolean");
          case STRING_LIST, ADD_STRING_LIST -> new ArraySchema().items(new StringSchema());
          // any JSON value under any key: the reader keeps a value of unknown type as a tree
          case JSON_MAP -> new ObjectSchema().additionalProperties(new Schema<>().type(Formats.ANY));
          case STRING, ADD_STRING -> new StringSchema();
          case STRING_MAP, ADD_STRING_MAP -> new ObjectSchema().additionalProperties(new StringSchema());
          case VOID -> throw new GenerationException("'void' applies to a whole response: " + e);
          case AS_ANSWER -> throw new GenerationException("'as-answer' applies to a whole request: " + e);
          case SERVER_MANAGED -> throw new GenerationException("'server-managed' removes a request property: " + e);
        };
    if (old != null) {
      s.setNullable(old.getNullable());
      s.setDescription(old.getDescription());
      s.setDefault(
          e.fix() == Corrections.Fix.BOOLEAN && old.getDefault() != null
              ? Boolean.valueOf(String.valueOf(old.getDefault()))
              : old.getDefault());
    }
    return s;
  }
}

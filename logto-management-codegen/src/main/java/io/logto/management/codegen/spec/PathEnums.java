package io.logto.management.codegen.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One concept, one Java type: the value an enum-valued path parameter chooses ({@code languageTag} of
 * {@code /api/custom-phrases/{languageTag}}) is the same concept wherever a text of that name appears
 * (a custom phrase's {@code languageTag}, the e-mail templates' {@code languageTag} parameter and
 * property). Each such text without values of its own takes the parameter's values, so the reader
 * makes them one open enum ({@code LanguageTag}); an open enum still carries a value it does not
 * know, so nothing the server sends is refused. Applied to the document after the corrections.
 */
final class PathEnums {
  private PathEnums() {}

  /** Gives every plain text named like an enum-valued path parameter that parameter's values. */
  static void apply(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    Map<String, List<?>> byName = new TreeMap<>();
    for (PathItem item : api.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        for (Parameter p : parameters(item, op)) {
          if ("path".equals(p.getIn()) && p.getSchema() != null && p.getSchema().getEnum() != null
              && !p.getSchema().getEnum().isEmpty()) {
            byName.putIfAbsent(p.getName(), p.getSchema().getEnum());
          }
        }
      }
    }
    if (byName.isEmpty()) {
      return;
    }
    Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
    for (PathItem item : api.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        for (Parameter p : parameters(item, op)) {
          give(p.getName(), p.getSchema(), byName);
          walk(p.getSchema(), byName, seen);
        }
        if (op.getRequestBody() != null) {
          walk(op.getRequestBody().getContent(), byName, seen);
        }
        if (op.getResponses() != null) {
          for (ApiResponse r : op.getResponses().values()) {
            walk(r.getContent(), byName, seen);
          }
        }
      }
    }
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      api.getComponents().getSchemas().values().forEach(s -> walk(s, byName, seen));
    }
  }

  private static List<Parameter> parameters(PathItem item, Operation op) {
    List<Parameter> all = new ArrayList<>();
    if (item.getParameters() != null) {
      all.addAll(item.getParameters());
    }
    if (op.getParameters() != null) {
      all.addAll(op.getParameters());
    }
    return all;
  }

  private static void walk(Content content, Map<String, List<?>> byName, Map<Schema<?>, Boolean> seen) {
    if (content != null) {
      for (MediaType m : content.values()) {
        walk(m.getSchema(), byName, seen);
      }
    }
  }

  @SuppressWarnings("rawtypes")
  private static void walk(Schema<?> s, Map<String, List<?>> byName, Map<Schema<?>, Boolean> seen) {
    if (s == null || seen.put(s, Boolean.TRUE) != null) {
      return;
    }
    if (s.getProperties() != null) {
      for (Map.Entry<String, Schema> e : s.getProperties().entrySet()) {
        give(e.getKey(), e.getValue(), byName);
        walk(e.getValue(), byName, seen);
      }
    }
    walk(s.getItems(), byName, seen);
    if (s.getAdditionalProperties() instanceof Schema<?> ap) {
      walk(ap, byName, seen);
    }
    for (List<Schema> group : java.util.Arrays.asList(s.getOneOf(), s.getAnyOf(), s.getAllOf())) {
      if (group != null) {
        group.forEach(g -> walk(g, byName, seen));
      }
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void give(String name, Schema s, Map<String, List<?>> byName) {
    List<?> values = name == null ? null : byName.get(name);
    if (values == null || s == null || s.get$ref() != null || !"string".equals(s.getType())
        || (s.getEnum() != null && !s.getEnum().isEmpty()) || s.getFormat() != null) {
      return;
    }
    s.setEnum(new ArrayList<>(values));
  }
}

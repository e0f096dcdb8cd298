package io.logto.management.codegen.spec;

import io.logto.management.codegen.model.ApiModel;
import io.logto.management.codegen.model.GenerationException;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ServiceDef;
import io.logto.management.codegen.naming.ElementNames;
import io.logto.management.codegen.naming.EntityNames;
import io.logto.management.codegen.naming.Names;
import io.logto.management.codegen.naming.Overrides;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an OpenAPI 3.0 document into the generator's intermediate model, as a pipeline of small
 * steps: the document is parsed and corrected ({@link Corrections}); each operation is read
 * ({@link OperationReader}) with its schemas ({@link SchemaReader}), identical shapes becoming one
 * type ({@link ShapeIndex}); then names are decided once over the whole model (the shortest name a
 * shape was met under, the entity rules of {@link EntityNames}, the {@code same.} merges of the
 * overrides, the list elements' names of {@link ElementNames}) and checked (method name
 * collisions, overrides that name nothing). The only package that sees swagger-parser types.
 */
public final class SpecReader {
  private final OpenAPI api;
  private final Overrides overrides;
  private final ShapeIndex shapes = new ShapeIndex();
  private final OperationReader operations;

  private SpecReader(OpenAPI api, Overrides overrides) {
    this.api = api;
    this.overrides = overrides;
    this.operations = new OperationReader(api, overrides, new SchemaReader(api, overrides, shapes));
  }

  /**
   * Parses the document at {@code location} (a file path or an http(s) URL).
   *
   * @param location a file path or an http(s) URL
   * @return the parsed document
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

  /**
   * Reads the document at {@code location} into the model, as it stands.
   *
   * @param location a file path or an http(s) URL
   * @param overrides the naming exceptions
   * @return the model
   */
  public static ApiModel read(String location, Overrides overrides) {
    return read(location, overrides, Corrections.none());
  }

  /**
   * Reads the document at {@code location}, corrected where the real server differs, into the model.
   *
   * @param location a file path or an http(s) URL
   * @param overrides the naming exceptions
   * @param corrections where the real server differs from the document
   * @return the model
   */
  public static ApiModel read(String location, Overrides overrides, Corrections corrections) {
    OpenAPI api = parse(location);
    corrections.apply(api);
    PathEnums.apply(api);
    ApiModel model = new SpecReader(api, overrides).model();
    List<String> stale = overrides.unused();
    if (!stale.isEmpty()) {
      throw new GenerationException("overrides that name nothing in the document (remove them): " + stale);
    }
    return model;
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
            .add(operations.read(tag, m, e.getKey(), item, op));
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
    Set<String> taken = new java.util.HashSet<>(shapes.types().keySet());
    for (Map.Entry<String, List<String>> e : shapes.aliases().entrySet()) {
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
    ApiModel model = ModelRenames.apply(services, shapes.types().values(), renames);
    model = ModelRenames.apply(model.services(), model.types(), EntityNames.renames(model.types()));
    model = ModelRenames.apply(model.services(), model.types(), merges(model));
    model = ModelRenames.apply(model.services(), model.types(), ElementNames.renames(model.types()));
    return ModelRenames.apply(model.services(), model.types(), lastRenames(model));
  }

  /**
   * The {@code rename.} entries of the overrides file, on the names the rules leave; a new name
   * another type has would fold two types into one, so it fails the generation.
   */
  private Map<String, String> lastRenames(ApiModel model) {
    Set<String> names = new java.util.TreeSet<>();
    model.types().forEach(t -> names.add(t.name()));
    Map<String, String> renames = new TreeMap<>();
    for (String name : names) {
      overrides.rename(name).ifPresent(to -> {
        if (names.contains(to) || renames.containsValue(to)) {
          throw new GenerationException("overrides: rename." + name + "=" + to + " names a type the model already has");
        }
        renames.put(name, to);
      });
    }
    return renames;
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
}

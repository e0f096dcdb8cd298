package io.logto.management.codegen.spec;

import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.GenerationException;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import io.logto.management.codegen.naming.Names;
import io.logto.management.codegen.naming.Overrides;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema step of the reader: turns a schema into a type reference, registering records, enums
 * and oneOfs with the {@link ShapeIndex}. Names an inline schema after its place ({@code
 * CreateUserRequest}, a nested object after its parent and property, a list element {@code ...Item},
 * a map value {@code ...Value}, a component after the component), each through {@link
 * Overrides#type}. Also Logto's typing rules: a number is a {@code long} unless corrected, a number
 * named {@code ...At} an epoch-millisecond {@code Instant}, a oneOf of the texts {@code "true"} and
 * {@code "false"} a {@code Boolean}.
 */
@SuppressWarnings("rawtypes") // swagger-parser declares Schema.getProperties() with a raw Schema
final class SchemaReader {
  private final OpenAPI api;
  private final Overrides overrides;
  private final ShapeIndex shapes;
  private final Facts facts;
  private final Variants variantsNames;
  private final Map<String, TypeRef> components = new HashMap<>();

  SchemaReader(OpenAPI api, Overrides overrides, ShapeIndex shapes) {
    this.api = api;
    this.overrides = overrides;
    this.shapes = shapes;
    this.facts = new Facts(overrides, this::deref);
    this.variantsNames = new Variants(this::deref);
  }

  /** The Javadoc facts of a property or parameter. */
  String facts(Schema<?> raw, String wireName, TypeRef type) {
    return facts.of(raw, wireName, type);
  }

  TypeRef typeOf(Schema<?> raw, String name, String origin, boolean request) {
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
      return shapes.register(new TypeDef.EnumDef(overrides.type(name), origin, distinct(values)));
    }
    if (type == null) {
      return hasProperties(s) ? record(s, name, origin, request, null) : TypeRef.Scalar.JSON;
    }
    return switch (type) {
      case "string" -> Formats.ISO_INSTANT.equals(s.getFormat()) ? TypeRef.Scalar.INSTANT_TEXT : TypeRef.Scalar.STRING;
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

  static boolean hasProperties(Schema<?> s) {
    return s.getProperties() != null && !s.getProperties().isEmpty();
  }

  private TypeRef.Named record(
      Schema<?> s, String name, String origin, boolean request, String oneOfParent) {
    String finalName = overrides.type(name);
    TypeDef existing = shapes.get(finalName);
    if (existing != null && existing.origin().equals(origin)) {
      return new TypeRef.Named(finalName);
    }
    List<FieldDef> fields = new ArrayList<>();
    Set<String> javaNames = new LinkedHashSet<>();
    javaNames.add("additionalProperties");
    List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
    // a oneOf variant's discriminator: the property it pins to one value
    Map<String, Set<String>> pins = oneOfParent == null ? Map.of() : variantsNames.constants(s);
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
      fields.add(new FieldDef(json, javaName, type, isRequired, nullable, facts.of(ps, json, type), constant));
    }
    return shapes.register(
        new TypeDef.RecordDef(finalName, origin, fields, request, oneOfParent == null ? List.of() : List.of(oneOfParent)));
  }

  private TypeRef oneOf(Schema<?> s, String name, String origin, boolean request) {
    List<Schema<?>> variants = new ArrayList<>();
    for (Schema<?> v : s.getOneOf()) {
      variants.add(deref(v));
    }
    if (variants.stream().allMatch(SchemaReader::booleanText)) {
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
        return shapes.register(new TypeDef.EnumDef(overrides.type(name), origin, distinct(values)));
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
    List<String> suffixes = variantsNames.suffixes(variants);
    List<TypeDef.Variant> defs = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      Schema<?> v = variants.get(i);
      TypeRef.Named rec =
          record(v, finalName + suffixes.get(i), origin + "/oneOf/" + i, request, finalName);
      defs.add(
          new TypeDef.Variant(
              rec.name(), v.getRequired() == null ? List.of() : v.getRequired(), variantsNames.constants(v)));
    }
    return shapes.register(new TypeDef.OneOfDef(finalName, origin, defs));
  }

  private static boolean booleanText(Schema<?> v) {
    return "string".equals(v.getType()) && ("\"true\"".equals(v.getFormat()) || "\"false\"".equals(v.getFormat()));
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

  Schema<?> deref(Schema<?> s) {
    Schema<?> current = s;
    for (int i = 0; i < 8 && current != null && current.get$ref() != null; i++) {
      current = api.getComponents().getSchemas().get(lastSegment(current.get$ref()));
    }
    return current;
  }

  static String lastSegment(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  static String pointer(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static List<String> distinct(List<String> values) {
    return new ArrayList<>(new LinkedHashSet<>(values));
  }
}

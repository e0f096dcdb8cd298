package io.logto.management.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.logto.management.codegen.model.TypeRef;

/** Java names of the packages and runtime classes the generated code uses. */
final class Types {
  static final String ROOT = "io.logto.management";
  static final String MODEL = ROOT + ".model";
  static final String SERVICE = ROOT + ".service";
  static final String CORE = ROOT + ".core";
  static final String GENERATOR = "io.logto.management.codegen";

  static final ClassName GENERATED = ClassName.get(CORE, "Generated");
  static final ClassName JSON_FIELD = ClassName.get(CORE, "JsonField");
  static final ClassName OPEN_ENUM = ClassName.get(CORE, "OpenEnum");
  static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");
  static final ClassName API_REQUEST = ClassName.get(CORE, "ApiRequest");
  static final ClassName LOGTO_CLIENT = ClassName.get(CORE + ".client", "LogtoClient");
  static final ClassName REQUEST_OPTIONS = ClassName.get(CORE, "RequestOptions");
  static final ClassName PAGINATION = ClassName.get(CORE, "Pagination");
  static final ClassName PAGINATED = ClassName.get(CORE, "Paginated");

  static final ClassName STRING = ClassName.get(String.class);
  static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName SET = ClassName.get("java.util", "Set");
  static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  static final ClassName COLLECTIONS = ClassName.get("java.util", "Collections");
  static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
  static final ClassName INSTANT = ClassName.get("java.time", "Instant");
  static final ClassName EPOCH_TIME = ClassName.get(CORE + ".internal.codec", "EpochTime");
  static final ClassName ISO_TIME = ClassName.get(CORE + ".internal.codec", "IsoTime");
  static final ClassName ONE_OF_DECODER = ClassName.get(CORE + ".internal.codec", "OneOfDecoder");
  static final ClassName RECORD_DECODER = ClassName.get(CORE + ".internal.codec", "RecordDecoder");

  static final String JACKSON = "com.fasterxml.jackson";
  static final ClassName JSON_NODE = ClassName.get(JACKSON + ".databind", "JsonNode");
  static final ClassName TYPE_REFERENCE = ClassName.get(JACKSON + ".core.type", "TypeReference");
  static final ClassName JSON_PARSER = ClassName.get(JACKSON + ".core", "JsonParser");
  static final ClassName DESER_CONTEXT = ClassName.get(JACKSON + ".databind", "DeserializationContext");
  static final ClassName STD_DESERIALIZER =
      ClassName.get(JACKSON + ".databind.deser.std", "StdDeserializer");
  static final ClassName JSON_DESERIALIZE =
      ClassName.get(JACKSON + ".databind.annotation", "JsonDeserialize");
  static final ClassName JSON_SERIALIZE = ClassName.get(JACKSON + ".databind.annotation", "JsonSerialize");
  static final ClassName JSON_PROPERTY = ClassName.get(JACKSON + ".annotation", "JsonProperty");
  static final ClassName JSON_INCLUDE = ClassName.get(JACKSON + ".annotation", "JsonInclude");
  static final ClassName JSON_ANY_SETTER = ClassName.get(JACKSON + ".annotation", "JsonAnySetter");
  static final ClassName JSON_ANY_GETTER = ClassName.get(JACKSON + ".annotation", "JsonAnyGetter");
  static final ClassName JSON_VALUE = ClassName.get(JACKSON + ".annotation", "JsonValue");
  static final ClassName JSON_CREATOR = ClassName.get(JACKSON + ".annotation", "JsonCreator");

  static final TypeName EXTRA_MAP = ParameterizedTypeName.get(MAP, STRING, JSON_NODE);

  private Types() {}

  /** The Java type of a model type reference. */
  static TypeName of(TypeRef ref) {
    if (ref instanceof TypeRef.Scalar s) {
      return switch (s) {
        case STRING -> STRING;
        case INTEGER -> ClassName.get(Integer.class);
        case LONG -> ClassName.get(Long.class);
        case NUMBER -> BIG_DECIMAL;
        case BOOLEAN -> ClassName.get(Boolean.class);
        case INSTANT_MILLIS, INSTANT_SECONDS, INSTANT_TEXT -> INSTANT;
        case JSON -> JSON_NODE;
      };
    }
    if (ref instanceof TypeRef.ListOf l) {
      return ParameterizedTypeName.get(LIST, of(l.element()));
    }
    if (ref instanceof TypeRef.MapOf m) {
      return ParameterizedTypeName.get(MAP, STRING, of(m.value()));
    }
    return ClassName.get(MODEL, ((TypeRef.Named) ref).name());
  }

  /**
   * The Java type of a value that is always there: {@code int}, {@code long} and {@code boolean}
   * unboxed, anything else as {@link #of}.
   */
  static TypeName of(TypeRef ref, boolean always) {
    TypeName t = of(ref);
    return always && t.isBoxedPrimitive() ? t.unbox() : t;
  }

  /**
   * The codec annotations a component of type {@code ref} needs ({@code Instant} as an epoch
   * number): on the value itself, or, with {@code content}, on what a list, map or {@code JsonField}
   * holds.
   */
  static java.util.List<AnnotationSpec> codecs(TypeRef ref, boolean content) {
    TypeRef inner = ref;
    boolean contained = content;
    if (inner instanceof TypeRef.ListOf l) {
      inner = l.element();
      contained = true;
    } else if (inner instanceof TypeRef.MapOf m) {
      inner = m.value();
      contained = true;
    }
    ClassName codec;
    String unit;
    if (inner == TypeRef.Scalar.INSTANT_MILLIS) {
      codec = EPOCH_TIME;
      unit = "Millis";
    } else if (inner == TypeRef.Scalar.INSTANT_SECONDS) {
      codec = EPOCH_TIME;
      unit = "Seconds";
    } else if (inner == TypeRef.Scalar.INSTANT_TEXT) {
      codec = ISO_TIME;
      unit = "Text";
    } else {
      return java.util.List.of();
    }
    String member = contained ? "contentUsing" : "using";
    return java.util.List.of(
        AnnotationSpec.builder(JSON_SERIALIZE)
            .addMember(member, "$T.class", codec.nestedClass(unit + "Serializer"))
            .build(),
        AnnotationSpec.builder(JSON_DESERIALIZE)
            .addMember(member, "$T.class", codec.nestedClass(unit + "Deserializer"))
            .build());
  }

  /** {@code t} marked {@code @Nullable} (a type-use annotation) when {@code nullable}. */
  static TypeName nullableIf(boolean nullable, TypeName t) {
    return nullable ? t.annotated(AnnotationSpec.builder(NULLABLE).build()) : t;
  }

  /** Whether {@code ref} is a plain class usable as {@code X.class}. */
  static boolean isClass(TypeRef ref) {
    return ref instanceof TypeRef.Scalar || ref instanceof TypeRef.Named;
  }
}

package io.logto.management.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Emits the model package: records here, open enums ({@link EnumEmitter}) and oneOf interfaces ({@link OneOfEmitter}). */
final class ModelEmitter {

  private ModelEmitter() {}

  /** The type of {@code def}; {@code purpose} is the first sentence of its Javadoc ({@link Usages}). */
  static TypeSpec emit(TypeDef def, String purpose) {
    if (def instanceof TypeDef.RecordDef r) {
      return record(r, purpose);
    }
    if (def instanceof TypeDef.EnumDef e) {
      return EnumEmitter.emit(e, purpose);
    }
    return OneOfEmitter.emit((TypeDef.OneOfDef) def, purpose);
  }

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(Types.GENERATED).addMember("value", "$S", Types.GENERATOR).build();
  }

  // ---- records -----------------------------------------------------------------------------

  private static TypeName fieldType(FieldDef f) {
    TypeName t = Types.of(f.type());
    return f.tristate() ? ParameterizedTypeName.get(Types.JSON_FIELD, t) : t;
  }

  // what a component may hold: a JsonField is never null (absent instead); anything else is null when
  // the property is optional and left out, or nullable and sent as null; a number or boolean that is
  // always there is a primitive
  private static TypeName componentType(FieldDef f) {
    if (always(f)) {
      return Types.of(f.type(), true);
    }
    return Types.nullableIf(!f.tristate() && (!f.required() || f.nullable()), fieldType(f));
  }

  private static boolean collection(FieldDef f) {
    return !f.tristate() && (f.type() instanceof TypeRef.ListOf || f.type() instanceof TypeRef.MapOf);
  }

  private static boolean always(FieldDef f) {
    return f.required() && !f.nullable();
  }

  /** A oneOf variant's pinned property, which its builder sets itself. */
  private static boolean discriminator(FieldDef f) {
    return f.constant() != null && constant(f) != null;
  }

  private static boolean primitive(FieldDef f) {
    return always(f) && Types.of(f.type(), true).isPrimitive();
  }

  private static String describe(FieldDef f) {
    String facts = f.constant() == null ? f.facts() : join("always " + f.constant(), f.facts());
    return Docs.describe(f.jsonName(), "property", f.required(), f.nullable(), facts);
  }

  private static String join(String a, String b) {
    return b.isEmpty() ? a : a + ", " + b;
  }

  private static TypeSpec record(TypeDef.RecordDef r, String purpose) {
    ClassName self = ClassName.get(Types.MODEL, r.name());
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    CodeBlock.Builder javadoc = CodeBlock.builder();
    javadoc.add("$L The JSON object of schema <code>$L</code>.\n", purpose, Docs.escape(r.origin()));
    javadoc.add(
        "\n<p>Properties the schema does not name are kept in {@link #additionalProperties()}, so"
            + " decoding and re-encoding loses nothing.\n\n");
    javadoc.add(
        "<p>The canonical constructor wraps $L in read-only views without copying them$L.\n\n",
        r.fields().stream().anyMatch(ModelEmitter::collection)
            ? "list and map components and the unknown properties"
            : "the unknown properties",
        r.request() ? "; the builder copies them" : "");
    MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    CodeBlock.Builder compactDoc = CodeBlock.builder().add("Validates and normalises the components.\n\n");
    for (FieldDef f : r.fields()) {
      AnnotationSpec.Builder include = null;
      if (f.tristate()) {
        include = include("NON_EMPTY");
      } else if (f.required() && f.nullable()) {
        include = include("ALWAYS");
      }
      ParameterSpec.Builder p =
          ParameterSpec.builder(componentType(f), f.javaName())
              .addAnnotation(
                  AnnotationSpec.builder(Types.JSON_PROPERTY)
                      .addMember("value", "$S", f.jsonName())
                      .build());
      if (include != null) {
        p.addAnnotation(include.build());
      }
      Types.codecs(f.type(), f.tristate()).forEach(p::addAnnotation);
      ctor.addParameter(p.build());
      String doc = describe(f);
      javadoc.add("@param $L $L\n", f.javaName(), doc);
      compactDoc.add("@param $L $L\n", f.javaName(), doc);
      if (f.tristate()) {
        compact.addStatement(
            "$1N = $1N == null ? $2T.absent() : $1N", f.javaName(), Types.JSON_FIELD);
      } else if (r.request() && always(f) && !primitive(f)) {
        compact.addStatement(
            "$T.requireNonNull($N, $S)", Types.OBJECTS, f.javaName(), f.javaName() + " == null");
      }
      // read-only views, not copies: Jackson hands over collections nobody else holds, and the
      // builder copies what a caller set (copying here cost 5-10 % of decoding a user page);
      // elements may be null (JSON allows it), so no List.copyOf
      if (f.type() instanceof TypeRef.ListOf && !f.tristate()) {
        compact.addStatement(
            "$1N = $1N == null ? null : $2T.unmodifiableList($1N)", f.javaName(), Types.COLLECTIONS);
      } else if (f.type() instanceof TypeRef.MapOf && !f.tristate()) {
        compact.addStatement(
            "$1N = $1N == null ? null : $2T.unmodifiableMap($1N)", f.javaName(), Types.COLLECTIONS);
      }
    }
    ctor.addParameter(
        ParameterSpec.builder(Types.EXTRA_MAP, "additionalProperties")
            .addAnnotation(Types.JSON_ANY_SETTER)
            .addAnnotation(Types.JSON_ANY_GETTER)
            .build());
    javadoc.add("@param additionalProperties properties the schema does not name, never null\n");
    compactDoc.add("@param additionalProperties properties the schema does not name\n");
    compact.addJavadoc(compactDoc.build());
    // Jackson hands over a map of its own (empty unless an unknown property came); like the
    // components, it is wrapped, not copied, and the builder copies its own
    compact.addStatement(
        "additionalProperties = additionalProperties == null || additionalProperties.isEmpty() ? "
            + "$T.of() : $T.unmodifiableMap(additionalProperties)",
        Types.MAP,
        Types.COLLECTIONS);
    TypeSpec.Builder type =
        TypeSpec.recordBuilder(r.name())
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(javadoc.build())
            .addAnnotation(generated())
            .addAnnotation(include("NON_NULL").build())
            .recordConstructor(ctor.build())
            .addMethod(compact.build());
    r.implementsOneOf().forEach(i -> type.addSuperinterface(ClassName.get(Types.MODEL, i)));
    // core's decoder streams the object into the canonical constructor; Jackson's creator path
    // resolves every absent parameter and makes a catch-all map for every object. Named on the class,
    // so any ObjectMapper uses it; it also overrides a oneOf interface's deserializer, which picks
    // the variant and then decodes it as this record
    type.addAnnotation(
        AnnotationSpec.builder(Types.JSON_DESERIALIZE).addMember("using", "$T.class", Types.RECORD_DECODER).build());
    if (r.request()) {
      addBuilder(type, self, r.fields(), r.request());
    }
    return type.build();
  }

  // the discriminator value as a Java expression, or null when its type has no literal
  private static CodeBlock constant(FieldDef f) {
    if (f.type() instanceof TypeRef.Named n) {
      return CodeBlock.of("$T.fromValue($S)", ClassName.get(Types.MODEL, n.name()), f.constant());
    }
    return switch (f.type() instanceof TypeRef.Scalar s ? s : TypeRef.Scalar.JSON) {
      case BOOLEAN -> CodeBlock.of("$L", Boolean.parseBoolean(f.constant()));
      case STRING -> CodeBlock.of("$S", f.constant());
      case INTEGER -> f.constant().matches("-?\\d+") ? CodeBlock.of("$L", f.constant()) : null;
      case LONG -> f.constant().matches("-?\\d+") ? CodeBlock.of("$LL", f.constant()) : null;
      default -> null;
    };
  }

  private static AnnotationSpec.Builder include(String mode) {
    return AnnotationSpec.builder(Types.JSON_INCLUDE)
        .addMember("value", "$T.Include.$L", Types.JSON_INCLUDE, mode);
  }

  private static void addBuilder(
      TypeSpec.Builder type, ClassName self, List<FieldDef> fields, boolean request) {
    ClassName builder = self.nestedClass("Builder");
    TypeSpec.Builder b =
        TypeSpec.classBuilder("Builder")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Builds {@link $T}; setters are named after the properties.\n", self);
    b.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    List<CodeBlock> args = new ArrayList<>();
    MethodSpec.Builder toBuilder =
        MethodSpec.methodBuilder("toBuilder")
            .addModifiers(Modifier.PUBLIC)
            .returns(builder)
            .addJavadoc("Returns a builder holding this record's values.\n\n@return a new builder\n")
            .addStatement("$T b = new $T()", builder, builder);
    for (FieldDef f : fields) {
      TypeName ft = componentType(f);
      // null until set, required or not; build() checks the required ones
      FieldSpec.Builder field =
          FieldSpec.builder(Types.nullableIf(!f.tristate(), fieldType(f)), f.javaName(), Modifier.PRIVATE);
      if (f.tristate()) {
        field.initializer("$T.absent()", Types.JSON_FIELD);
      } else if (discriminator(f)) {
        // the variant's discriminator: set, so the caller never types it
        field.initializer(constant(f));
      }
      b.addField(field.build());
      toBuilder.addStatement("b.$1N = $1N", f.javaName());
      // the record only wraps its collections, so the builder hands it a copy of its own
      if (collection(f)) {
        ClassName copy =
            f.type() instanceof TypeRef.ListOf ? ClassName.get("java.util", "ArrayList") : Types.LINKED_HASH_MAP;
        args.add(CodeBlock.of("$1N == null ? null : new $2T<>($1N)", f.javaName(), copy));
      } else {
        args.add(CodeBlock.of("$N", f.javaName()));
      }
      if (f.tristate()) {
        TypeName vt = Types.nullableIf(true, Types.of(f.type()));
        b.addMethod(
            MethodSpec.methodBuilder(f.javaName())
                .addModifiers(Modifier.PUBLIC)
                .addParameter(vt, f.javaName())
                .returns(builder)
                .addJavadoc(
                    "Sets $L to a value, or to JSON {@code null} when {@code $L} is null: a value"
                        + " read from a model is sent as it was read. Only {@code"
                        + " JsonField.absent()} leaves the property out.\n\n@param $L the value or"
                        + " null\n@return this builder\n",
                    describe(f),
                    f.javaName(),
                    f.javaName())
                .addStatement("this.$1N = $2T.of($1N)", f.javaName(), Types.JSON_FIELD)
                .addStatement("return this")
                .build());
      }
      if (discriminator(f)) {
        // a variant's pinned value: no setter, so the variant cannot claim to be another one
        continue;
      }
      b.addMethod(
          MethodSpec.methodBuilder(f.javaName())
              .addModifiers(Modifier.PUBLIC)
              .addParameter(ft, f.javaName())
              .returns(builder)
              .addJavadoc(
                  "Sets $L.\n\n@param $L the value\n@return this builder\n", describe(f), f.javaName())
              .addStatement("this.$1N = $1N", f.javaName())
              .addStatement("return this")
              .build());
    }
    b.addField(
        FieldSpec.builder(Types.EXTRA_MAP, "additionalProperties", Modifier.PRIVATE)
            .initializer("new $T<>()", Types.LINKED_HASH_MAP)
            .build());
    toBuilder.addStatement("b.additionalProperties.putAll(additionalProperties)");
    toBuilder.addStatement("return b");
    b.addMethod(
        MethodSpec.methodBuilder("additionalProperty")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(Types.STRING, "name")
            .addParameter(Types.JSON_NODE, "value")
            .returns(builder)
            .addJavadoc(
                "Adds a property the schema does not name.\n\n@param name the JSON name\n"
                    + "@param value the JSON value\n@return this builder\n")
            .addStatement(
                "additionalProperties.put($T.requireNonNull(name, $S), $T.requireNonNull(value, $S))",
                Types.OBJECTS,
                "name == null",
                Types.OBJECTS,
                "value == null")
            .addStatement("return this")
            .build());
    args.add(CodeBlock.of("new $T<>(additionalProperties)", Types.LINKED_HASH_MAP));
    MethodSpec.Builder build =
        MethodSpec.methodBuilder("build")
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addJavadoc(
                "Builds the record.\n\n@return a new record\n@throws IllegalStateException when a"
                    + " required property is unset\n");
    for (FieldDef f : fields) {
      // a primitive component cannot say "unset", and a request must carry what the server requires
      if (!discriminator(f) && (primitive(f) || (request && always(f) && !f.tristate()))) {
        build.beginControlFlow("if ($N == null)", f.javaName())
            .addStatement(
                "throw new $T($S)",
                IllegalStateException.class,
                self.simpleName() + ": required property " + f.jsonName() + " is unset")
            .endControlFlow();
      }
    }
    b.addMethod(build.addStatement("return new $T($L)", self, CodeBlock.join(args, ", ")).build());
    type.addMethod(
        MethodSpec.methodBuilder("builder")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(builder)
            .addJavadoc("Returns an empty builder.\n\n@return a new builder\n")
            .addStatement("return new $T()", builder)
            .build());
    type.addMethod(toBuilder.build());
    type.addType(b.build());
  }
}

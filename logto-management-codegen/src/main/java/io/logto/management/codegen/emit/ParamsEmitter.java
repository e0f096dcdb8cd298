package io.logto.management.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.TypeRef;
import io.logto.management.codegen.naming.Names;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Emits the query parameters record of an operation ({@code ListUsersParams}). */
final class ParamsEmitter {
  private ParamsEmitter() {}

  static TypeSpec emit(OperationDef op) {
    ClassName self = ClassName.get(Types.MODEL, op.paramsType());
    ClassName builder = self.nestedClass("Builder");
    CodeBlock.Builder javadoc =
        CodeBlock.builder()
            .add(
                "Query parameters of <code>$L</code> (<code>$L $L</code>).\n\n",
                op.operationId(),
                op.httpMethod(),
                Docs.escape(op.path()));
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    MethodSpec.Builder compact =
        MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    CodeBlock.Builder compactDoc =
        CodeBlock.builder().add("Validates the components and copies collections.\n\n");
    TypeSpec.Builder b =
        TypeSpec.classBuilder("Builder")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Builds {@link $T}; setters are named after the parameters.\n", self)
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    List<String> args = new ArrayList<>();
    for (ParamDef p : op.queryParams()) {
      TypeName t = Types.of(p.type());
      // an exploded object is never null (empty instead); any other optional parameter is null when unset
      TypeName component = Types.nullableIf(!p.required() && !p.explodedObject(), t);
      ctor.addParameter(component, p.javaName());
      String doc = describe(p);
      javadoc.add("@param $L $L\n", p.javaName(), doc);
      compactDoc.add("@param $L $L\n", p.javaName(), doc);
      if (p.required()) {
        compact.addStatement(
            "$T.requireNonNull($N, $S)", Types.OBJECTS, p.javaName(), p.javaName() + " == null");
      }
      if (p.explodedObject()) {
        compact.addStatement(
            "$1N = $1N == null ? $2T.of() : $3T.unmodifiableMap(new $4T<>($1N))",
            p.javaName(),
            Types.MAP,
            Types.COLLECTIONS,
            Types.LINKED_HASH_MAP);
        b.addField(
            FieldSpec.builder(t, p.javaName(), Modifier.PRIVATE)
                .initializer("new $T<>()", Types.LINKED_HASH_MAP)
                .build());
        b.addMethod(
            MethodSpec.methodBuilder(p.javaName())
                .addModifiers(Modifier.PUBLIC)
                .addParameter(t, p.javaName())
                .returns(builder)
                .addJavadoc(
                    "Replaces $L; each entry is sent as its own query parameter, key as"
                        + " given.\n\n@param $L the entries\n@return this builder\n",
                    describe(p),
                    p.javaName())
                .addStatement("this.$1N = new $2T<>($1N)", p.javaName(), Types.LINKED_HASH_MAP)
                .addStatement("return this")
                .build());
        String single = Names.singular(p.javaName());
        if (single.equals(p.javaName())) {
          single = p.javaName() + "Entry";
        }
        b.addMethod(
            MethodSpec.methodBuilder(single)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Types.STRING, "key")
                .addParameter(Types.STRING, "value")
                .returns(builder)
                .addJavadoc(
                    "Adds one entry to $L, sent as {@code key=value}.\n\n@param key the query key"
                        + "\n@param value the value\n@return this builder\n",
                    describe(p))
                .addStatement(
                    "this.$N.put($T.requireNonNull(key, $S), $T.requireNonNull(value, $S))",
                    p.javaName(),
                    Types.OBJECTS,
                    "key == null",
                    Types.OBJECTS,
                    "value == null")
                .addStatement("return this")
                .build());
      } else {
        if (p.type() instanceof TypeRef.ListOf) {
          compact.addStatement(
              "$1N = $1N == null ? null : $2T.copyOf($1N)", p.javaName(), Types.LIST);
        }
        b.addField(FieldSpec.builder(Types.nullableIf(true, t), p.javaName(), Modifier.PRIVATE).build());
        b.addMethod(
            MethodSpec.methodBuilder(p.javaName())
                .addModifiers(Modifier.PUBLIC)
                .addParameter(component, p.javaName())
                .returns(builder)
                .addJavadoc(
                    "Sets $L.\n\n@param $L the value, null to leave it out\n@return this builder\n",
                    describe(p),
                    p.javaName())
                .addStatement("this.$1N = $1N", p.javaName())
                .addStatement("return this")
                .build());
      }
      args.add(p.javaName());
    }
    compact.addJavadoc(compactDoc.build());
    b.addMethod(
        MethodSpec.methodBuilder("build")
            .addModifiers(Modifier.PUBLIC)
            .returns(self)
            .addJavadoc("Builds the parameters.\n\n@return a new record\n")
            .addStatement("return new $T($L)", self, String.join(", ", args))
            .build());
    return TypeSpec.recordBuilder(op.paramsType())
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(ModelEmitter.generated())
        .addJavadoc(javadoc.build())
        .recordConstructor(ctor.build())
        .addMethod(compact.build())
        .addMethod(
            MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addJavadoc("Returns an empty builder.\n\n@return a new builder\n")
                .addStatement("return new $T()", builder)
                .build())
        .addType(b.build())
        .build();
  }

  private static String describe(ParamDef p) {
    return Docs.describe(p.name(), "parameter", p.required(), false, p.facts());
  }

  static boolean paramsOptional(OperationDef op) {
    return op.paramsType() != null && op.queryParams().stream().noneMatch(ParamDef::required);
  }
}

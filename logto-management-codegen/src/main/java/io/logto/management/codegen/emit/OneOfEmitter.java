package io.logto.management.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.logto.management.codegen.model.TypeDef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Emits the sealed oneOf interfaces of the model package, each with its JSON fallback and decoder. */
final class OneOfEmitter {
  private OneOfEmitter() {}

  static TypeSpec emit(TypeDef.OneOfDef o, String purpose) {
    ClassName self = ClassName.get(Types.MODEL, o.name());
    ClassName json = self.nestedClass("Json");
    ClassName deser = self.nestedClass("Deserializer");
    TypeSpec.Builder type =
        TypeSpec.interfaceBuilder(o.name())
            .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
            .addAnnotation(ModelEmitter.generated())
            .addAnnotation(
                AnnotationSpec.builder(Types.JSON_DESERIALIZE)
                    .addMember("using", "$T.class", deser)
                    .build())
            .addJavadoc(
                "$L One of the shapes of schema <code>$L</code>; JSON matching none of them decodes"
                    + " as {@link Json}.\n",
                purpose,
                Docs.escape(o.origin()));
    // two identical variant schemas share one record, which is permitted once
    for (String variant : new java.util.LinkedHashSet<>(o.variants().stream().map(TypeDef.Variant::type).toList())) {
      type.addPermittedSubclass(ClassName.get(Types.MODEL, variant));
    }
    type.addPermittedSubclass(json);
    type.addType(
        TypeSpec.recordBuilder("Json")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addSuperinterface(self)
            .addJavadoc(
                "JSON that matches no known shape, kept whole.\n\n@param json the JSON value\n")
            .recordConstructor(
                MethodSpec.constructorBuilder()
                    .addParameter(
                        ParameterSpec.builder(Types.JSON_NODE, "json")
                            .addAnnotation(Types.JSON_VALUE)
                            .build())
                    .build())
            .addMethod(
                MethodSpec.compactConstructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Rejects null.\n\n@param json the JSON value\n")
                    .addStatement("$T.requireNonNull(json, $S)", Types.OBJECTS, "json == null")
                    .build())
            .build());
    ParameterizedTypeName candidate =
        ParameterizedTypeName.get(Types.ONE_OF_DECODER.nestedClass("Candidate"), self);
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", Types.LIST).indent();
    for (int i = 0; i < o.variants().size(); i++) {
      TypeDef.Variant v = o.variants().get(i);
      list.add(
          "\nnew $T<>($T.class, $L, $L)$L",
          Types.ONE_OF_DECODER.nestedClass("Candidate"),
          ClassName.get(Types.MODEL, v.type()),
          stringList(v.required()),
          constants(v.constants()),
          i + 1 < o.variants().size() ? "," : "");
    }
    list.unindent().add(")");
    type.addType(
        TypeSpec.classBuilder("Deserializer")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(Types.STD_DESERIALIZER, self))
            .addJavadoc(
                "Decodes the best-matching shape (required properties present, pinned values"
                    + " equal), else {@link Json}.\n")
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(Types.LIST, candidate),
                        "CANDIDATES",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer(list.build())
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Creates the deserializer; Jackson calls this.\n")
                    .addStatement("super($T.class)", self)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("deserialize")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(self)
                    .addParameter(Types.JSON_PARSER, "parser")
                    .addParameter(Types.DESER_CONTEXT, "context")
                    .addException(java.io.IOException.class)
                    .addStatement(
                        "return $T.pick(context.readTree(parser), context, CANDIDATES, $T::new)",
                        Types.ONE_OF_DECODER,
                        json)
                    .build())
            .build());
    return type.build();
  }

  private static CodeBlock stringList(List<String> values) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.of(", Types.LIST);
    for (int i = 0; i < values.size(); i++) {
      b.add(i == 0 ? "$S" : ", $S", values.get(i));
    }
    return b.add(")").build();
  }

  private static CodeBlock constants(Map<String, Set<String>> constants) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.ofEntries(", Types.MAP);
    int i = 0;
    // TypeDef.Variant already holds keys and values sorted
    for (Map.Entry<String, Set<String>> e : constants.entrySet()) {
      b.add(i++ == 0 ? "" : ", ");
      b.add("$T.entry($S, $T.of(", Types.MAP, e.getKey(), Types.SET);
      int j = 0;
      for (String v : e.getValue()) {
        b.add(j++ == 0 ? "$S" : ", $S", v);
      }
      b.add("))");
    }
    return b.add(")").build();
  }
}

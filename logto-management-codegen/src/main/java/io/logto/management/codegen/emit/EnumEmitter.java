package io.logto.management.codegen.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.logto.management.codegen.model.GenerationException;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.naming.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Emits the open enums of the model package. */
final class EnumEmitter {
  private EnumEmitter() {}

  // An "open" enum: a final class with one constant per known value plus a nested Known enum for
  // switch; the value logic is core's OpenEnum. A Java enum cannot carry a value it does not list,
  // so a value a newer Logto adds would decode to a placeholder and be written back as null.
  static TypeSpec emit(TypeDef.EnumDef e, String purpose) {
    ClassName self = ClassName.get(Types.MODEL, e.name());
    ClassName known = self.nestedClass("Known");
    TypeSpec.Builder type =
        TypeSpec.classBuilder(e.name())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(Types.OPEN_ENUM, known))
            .addAnnotation(ModelEmitter.generated())
            .addJavadoc(
                "$L The values of schema <code>$L</code>. Each known value is a constant; a value this"
                    + " version does not know decodes too, keeps its text and is written back"
                    + " unchanged, with {@link #known()} giving {@link Known#UNKNOWN}.\n",
                purpose,
                Docs.escape(e.origin()));
    TypeSpec.Builder knownEnum =
        TypeSpec.enumBuilder("Known")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(
                "The values this version knows, for {@code switch}; {@link #UNKNOWN} for any other.\n");
    Map<String, String> seen = new HashMap<>();
    seen.put("UNKNOWN", "(reserved)");
    seen.put("KNOWN_VALUES", "(reserved)");
    List<String> constants = new ArrayList<>();
    for (String v : e.values()) {
      String constant = Names.constant(v);
      String previous = seen.put(constant, v);
      if (previous != null) {
        throw new GenerationException(
            "enum constant collision in " + e.name() + ": values '" + previous + "' and '" + v
                + "' both give " + constant);
      }
      constants.add(constant);
      type.addField(
          FieldSpec.builder(self, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The wire value <code>$L</code>.\n", Docs.escape(v))
              .initializer("new $T($S, $T.$L)", self, v, known, constant)
              .build());
      knownEnum.addEnumConstant(
          constant,
          TypeSpec.anonymousClassBuilder("")
              .addJavadoc("The wire value <code>$L</code>.\n", Docs.escape(v))
              .build());
    }
    knownEnum.addEnumConstant(
        "UNKNOWN",
        TypeSpec.anonymousClassBuilder("")
            .addJavadoc("A value sent by a newer Logto that this version does not know.\n")
            .build());
    TypeName list = ParameterizedTypeName.get(Types.LIST, self);
    type.addField(
        FieldSpec.builder(list, "KNOWN_VALUES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", Types.LIST, String.join(", ", constants))
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(Types.STRING, "value")
            .addParameter(known, "known")
            .addStatement("super(value, known)")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("fromValue")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addAnnotation(
                AnnotationSpec.builder(Types.JSON_CREATOR)
                    .addMember("mode", "$T.Mode.DELEGATING", Types.JSON_CREATOR)
                    .build())
            .addParameter(Types.STRING, "value")
            .returns(self)
            .addJavadoc(
                "Returns the value for a wire value.\n\n@param value the wire value\n"
                    + "@return the constant of a known value; for any other, a value that keeps the"
                    + " text and whose {@link #known()} is {@link Known#UNKNOWN}\n"
                    + "@throws NullPointerException if {@code value} is null\n")
            .addStatement("return find(KNOWN_VALUES, value, text -> new $T(text, $T.UNKNOWN))", self, known)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("knownValues")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(list)
            .addJavadoc("Returns the known values.\n\n@return the constants, in the document's order\n")
            .addStatement("return KNOWN_VALUES")
            .build());
    type.addType(knownEnum.build());
    return type.build();
  }
}

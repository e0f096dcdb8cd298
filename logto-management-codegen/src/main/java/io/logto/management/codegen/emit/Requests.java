package io.logto.management.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.ResponseDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Builds an operation's request, which the blocking service holds ({@code requestFor...()}) and both
 * surfaces send: path parameters, query parameters, the accepted media type and the body in its
 * encoding; and names the type a call decodes the answer into.
 */
final class Requests {
  private final Map<String, TypeDef> types;

  /** Over the model's types, which give a form body its fields. */
  Requests(Map<String, TypeDef> types) {
    this.types = types;
  }

  /** {@code list} -> {@code List}, for the names of the static helpers of an operation. */
  static String capitalized(OperationDef op) {
    return Character.toUpperCase(op.methodName().charAt(0)) + op.methodName().substring(1);
  }

  /** Whether the answer type is generic, so that a {@code typeOf...()} method supplies it. */
  static boolean genericAnswer(OperationDef op) {
    return op.response().kind() == ResponseDef.Kind.JSON && !Types.isClass(op.response().type());
  }

  /** The {@code typeOf...()} method of an operation with a generic answer, else {@code null}. */
  static MethodSpec typeOf(OperationDef op, TypeName returns) {
    if (!genericAnswer(op)) {
      return null;
    }
    // a method, not a constant: the anonymous class loads on the operation's first call instead
    // of with the service (55 classes at the first call of any service before); core caches the
    // decoded type per class, so a call only allocates the small reference
    TypeName reference = ParameterizedTypeName.get(Types.TYPE_REFERENCE, returns);
    return MethodSpec.methodBuilder("typeOf" + capitalized(op))
        .addModifiers(Modifier.STATIC)
        .addJavadoc("The answer type of {@code $L}, for both surfaces.\n\n@return the type\n", op.methodName())
        .returns(reference)
        .addStatement("return new $T() {}", reference)
        .build();
  }

  /** How a call names the type to decode; {@code owner} holds the {@code typeOf...()} method. */
  static CodeBlock decodeAs(OperationDef op, ClassName owner) {
    return switch (op.response().kind()) {
      case NONE -> CodeBlock.of("$T.class", ClassName.get(Void.class));
      case TEXT -> CodeBlock.of("$T.class", Types.STRING);
      case JSON -> genericAnswer(op)
          ? CodeBlock.of("$T.typeOf$L()", owner, capitalized(op))
          : CodeBlock.of("$T.class", Types.of(op.response().type()));
    };
  }

  /** The call of {@code owner}'s {@code requestFor...()} method, passing the arguments on. */
  static CodeBlock prepared(OperationDef op, ClassName owner, OperationArgs args) {
    return CodeBlock.of("$T.requestFor$L($L)", owner, capitalized(op), args.call(args.paramsArg(), List.of()));
  }

  /** The {@code requestFor...()} method: the request of one call, for both surfaces. */
  MethodSpec requestFor(OperationDef op, OperationArgs args) {
    MethodSpec.Builder request =
        MethodSpec.methodBuilder("requestFor" + capitalized(op))
            .addModifiers(Modifier.STATIC)
            .returns(Types.API_REQUEST);
    CodeBlock.Builder doc =
        CodeBlock.builder().add("The request of {@code $L}, for both surfaces.\n\n", op.methodName());
    for (OperationArgs.Arg a : args.path()) {
      request.addParameter(a.type(), a.name());
      doc.add("@param $L $L\n", a.name(), a.doc());
    }
    if (args.params() != null) {
      request.addParameter(args.params(), "params");
      doc.add("@param params the query parameters\n");
    }
    for (OperationArgs.Arg a : args.body()) {
      request.addParameter(a.type(), a.name());
      doc.add("@param $L $L\n", a.name(), a.doc());
    }
    doc.add("@return the request\n");
    return request
        .addJavadoc(doc.build())
        .addCode(code(op, false))
        .addStatement("return request.build()")
        .build();
  }

  /**
   * Statements declaring {@code request}, an {@code ApiRequest.Builder} of one call; a pager's
   * leaves out {@code page} and {@code page_size}, which the pagination sets per page.
   */
  CodeBlock code(OperationDef op, boolean forPager) {
    CodeBlock.Builder c = CodeBlock.builder();
    c.add("$T.Builder request = $T.of($S, $S)", Types.API_REQUEST, Types.API_REQUEST, op.httpMethod(), op.path());
    c.indent();
    for (ParamDef p : op.pathParams()) {
      c.add("\n.pathParam($S, $N)", p.name(), p.javaName());
    }
    if (op.response().kind() == ResponseDef.Kind.TEXT && op.response().mediaType() != null) {
      c.add("\n.accept($S)", op.response().mediaType());
    }
    c.add(";\n").unindent();
    if (op.paramsType() != null) {
      c.addStatement("$T.requireNonNull(params, $S)", Types.OBJECTS, "params == null");
      for (ParamDef p : op.queryParams()) {
        if (forPager && (p.name().equals("page") || p.name().equals("page_size"))) {
          continue;
        }
        if (p.explodedObject()) {
          c.addStatement("params.$N().forEach(request::query)", p.javaName());
        } else {
          c.addStatement("request.query($S, params.$N())", p.name(), p.javaName());
        }
      }
    }
    BodyDef body = op.body();
    if (body != null) {
      switch (body.kind()) {
        case JSON -> json(c, body);
        case FORM -> form(c, body);
        case MULTIPART -> multipart(c, body);
      }
    }
    return c.build();
  }

  private static void json(CodeBlock.Builder c, BodyDef body) {
    String arg = OperationArgs.bodyName(body);
    if (body.wrapper() != null) {
      // the one property the wire wraps the value in; a null value is sent as JSON null
      if (body.required()) {
        c.addStatement("request.body($T.singletonMap($S, $T.requireNonNull($N, $S)))", Types.COLLECTIONS,
            body.wrapper(), Types.OBJECTS, arg, arg + " == null");
      } else {
        c.beginControlFlow("if ($N != null)", arg)
            .addStatement("request.body($T.singletonMap($S, $N))", Types.COLLECTIONS, body.wrapper(), arg)
            .endControlFlow();
      }
    } else if (body.required()) {
      c.addStatement("request.body($T.requireNonNull($N, $S))", Types.OBJECTS, arg, arg + " == null");
    } else {
      c.beginControlFlow("if ($N != null)", arg).addStatement("request.body($N)", arg).endControlFlow();
    }
  }

  private void form(CodeBlock.Builder c, BodyDef body) {
    c.addStatement("$T.requireNonNull(body, $S)", Types.OBJECTS, "body == null");
    TypeDef.RecordDef rec = (TypeDef.RecordDef) types.get(((TypeRef.Named) body.type()).name());
    for (FieldDef f : rec.fields()) {
      String access = f.tristate() ? "body." + f.javaName() + "().value().orElse(null)" : "body." + f.javaName() + "()";
      c.beginControlFlow("if ($L != null)", access)
          .addStatement("request.formField($S, $T.valueOf($L))", f.jsonName(), Types.STRING, access)
          .endControlFlow();
    }
  }

  private static void multipart(CodeBlock.Builder c, BodyDef body) {
    for (BodyDef.Part part : body.parts()) {
      if (part.file()) {
        c.addStatement(
            "request.multipartFile($S, $N, $N, $N)",
            part.name(),
            part.javaName() + "Filename",
            part.javaName() + "ContentType",
            part.javaName());
      } else {
        c.addStatement("request.multipartField($S, $N)", part.name(), part.javaName());
      }
    }
  }
}

package io.logto.management.codegen.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.TypeDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Java arguments every method of one operation shares, in call order: path parameters, the
 * query parameters record (if any), then what the body is built from; and what a call returns.
 *
 * @param path one argument per path parameter, in path order
 * @param params the query parameters record, or {@code null} when the operation has none
 * @param body the arguments the request body is built from (none without a body)
 * @param returns what the blocking call returns ({@code void} without a body)
 */
record OperationArgs(List<Arg> path, TypeName params, List<Arg> body, TypeName returns) {
  OperationArgs {
    path = List.copyOf(path);
    body = List.copyOf(body);
  }

  /**
   * One Java argument.
   *
   * @param type its Java type
   * @param name its Java name
   * @param doc the text of its {@code @param} tag
   */
  record Arg(TypeName type, String name, String doc) {}

  /** The arguments of {@code op}; {@code types} resolves the enum values a path parameter takes. */
  static OperationArgs of(OperationDef op, Map<String, TypeDef> types) {
    List<Arg> path = new ArrayList<>();
    for (ParamDef p : op.pathParams()) {
      path.add(new Arg(Types.of(p.type()), p.javaName(), Docs.pathParam(p.name(), p.type(), types)));
    }
    TypeName params = op.paramsType() == null ? null : ClassName.get(Types.MODEL, op.paramsType());
    TypeName returns = switch (op.response().kind()) {
      case NONE -> TypeName.VOID;
      case TEXT -> Types.STRING;
      case JSON -> Types.of(op.response().type());
    };
    return new OperationArgs(path, params, bodyArgs(op.body()), returns);
  }

  /** The Java name of an operation's body argument, decided by the reader. */
  static String bodyName(BodyDef body) {
    return body.argName();
  }

  private static List<Arg> bodyArgs(BodyDef body) {
    List<Arg> args = new ArrayList<>();
    if (body == null) {
      return args;
    }
    if (body.kind() == BodyDef.Kind.MULTIPART) {
      for (BodyDef.Part part : body.parts()) {
        String wire = "<code>" + Docs.escape(part.name()) + "</code>";
        if (part.file()) {
          args.add(new Arg(Types.STRING, part.javaName() + "Filename", "the file name of part " + wire));
          args.add(new Arg(Types.STRING, part.javaName() + "ContentType", "the media type of part " + wire));
          args.add(new Arg(ArrayTypeName.of(TypeName.BYTE), part.javaName(), "the content of part " + wire));
        } else {
          args.add(new Arg(Types.STRING, part.javaName(), "the text part " + wire));
        }
      }
      return args;
    }
    String what = body.wrapper() == null
        ? "the request body"
        : "the <code>" + Docs.escape(body.wrapper()) + "</code> the request body carries";
    args.add(new Arg(Types.nullableIf(!body.required(), Types.of(body.type())), bodyName(body),
        body.required() ? what : what + ", or null to send none"));
    return args;
  }

  /** The query parameters argument as a call passes it on, or {@code null} without one. */
  CodeBlock paramsArg() {
    return params == null ? null : CodeBlock.of("params");
  }

  /** An empty query parameters record, which a form without parameters passes on. */
  CodeBlock emptyParams() {
    return CodeBlock.of("$T.builder().build()", params);
  }

  /**
   * The arguments of a call passing these on: path, {@code params} (left out when {@code null}),
   * body, then {@code tail}.
   */
  CodeBlock call(CodeBlock params, List<CodeBlock> tail) {
    List<CodeBlock> parts = new ArrayList<>();
    path.forEach(a -> parts.add(CodeBlock.of("$N", a.name())));
    if (params != null) {
      parts.add(params);
    }
    body.forEach(a -> parts.add(CodeBlock.of("$N", a.name())));
    parts.addAll(tail);
    return CodeBlock.join(parts, ", ");
  }
}

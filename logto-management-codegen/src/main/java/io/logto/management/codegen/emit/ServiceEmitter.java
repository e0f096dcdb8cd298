package io.logto.management.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.ResponseDef;
import io.logto.management.codegen.model.ServiceDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits the two service classes of a tag: the blocking one ({@code UsersService}), which builds each
 * operation's request and holds its pagers, and the asynchronous one ({@code AsyncUsersService}),
 * which sends the same requests through {@code callAsync}.
 */
final class ServiceEmitter {
  static final String REFERENCE = "https://openapi.logto.io/operation/operation-";

  private final Map<String, TypeDef> types;

  ServiceEmitter(Map<String, TypeDef> types) {
    this.types = types;
  }

  // ---- services ------------------------------------------------------------------------------

  /** The asynchronous service class of a tag: {@code UsersService} -> {@code AsyncUsersService}. */
  static ClassName asyncName(ServiceDef s) {
    return ClassName.get(Types.SERVICE, "Async" + s.className());
  }

  TypeSpec service(ServiceDef s) {
    TypeSpec.Builder type =
        start(
            s.className(),
            "Operations of the <code>$L</code> tag. Thread-safe; obtain it from {@code"
                + " LogtoManagement.$L()}; {@code LogtoManagement.async().$L()} has the same"
                + " operations returning futures.\n",
            s);
    for (OperationDef op : s.operations()) {
      addOperation(type, op, ClassName.get(Types.SERVICE, s.className()));
    }
    return type.build();
  }

  TypeSpec asyncService(ServiceDef s) {
    TypeSpec.Builder type =
        start(
            asyncName(s).simpleName(),
            "Operations of the <code>$L</code> tag returning {@code CompletableFuture}: no thread"
                + " waits, not even for a token; a future fails with the {@code LogtoException}"
                + " the blocking form throws, bad arguments throw at once. Thread-safe; obtain it"
                + " from {@code LogtoManagement.async().$L()}; paged listings ({@code"
                + " LogtoManagement.$L()}) offer a non-blocking {@code publisher()}.\n",
            s);
    ClassName blocking = ClassName.get(Types.SERVICE, s.className());
    for (OperationDef op : s.operations()) {
      addAsyncOperation(type, op, blocking);
    }
    return type.build();
  }

  private static TypeSpec.Builder start(String className, String javadoc, ServiceDef s) {
    String accessor = s.accessor();
    return TypeSpec.classBuilder(className)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(ModelEmitter.generated())
        .addJavadoc(javadoc, Docs.escape(s.tag()), accessor, accessor)
        .addField(Types.LOGTO_CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                    "Creates the service over {@code client}.\n\n@param client the client"
                        + " that sends the calls\n")
                .addParameter(Types.LOGTO_CLIENT, "client")
                .addStatement(
                    "this.client = $T.requireNonNull(client, $S)", Types.OBJECTS, "client == null")
                .build());
  }

  private record Arg(TypeName type, String name, String doc) {}

  private List<Arg> args(OperationDef op) {
    List<Arg> args = new ArrayList<>();
    for (ParamDef p : op.pathParams()) {
      args.add(new Arg(Types.of(p.type()), p.javaName(), Docs.pathParam(p.name(), p.type(), types)));
    }
    return args;
  }

  /** The Java name of an operation's body argument, decided by the reader. */
  private static String argName(BodyDef body) {
    return body.argName();
  }

  private List<Arg> bodyArgs(OperationDef op) {
    List<Arg> args = new ArrayList<>();
    BodyDef body = op.body();
    if (body == null) {
      return args;
    }
    if (body.kind() == BodyDef.Kind.MULTIPART) {
      for (BodyDef.Part part : body.parts()) {
        if (part.file()) {
          args.add(new Arg(Types.STRING, part.javaName() + "Filename", "the file name of part <code>" + Docs.escape(part.name()) + "</code>"));
          args.add(new Arg(Types.STRING, part.javaName() + "ContentType", "the media type of part <code>" + Docs.escape(part.name()) + "</code>"));
          args.add(new Arg(com.palantir.javapoet.ArrayTypeName.of(TypeName.BYTE), part.javaName(), "the content of part <code>" + Docs.escape(part.name()) + "</code>"));
        } else {
          args.add(new Arg(Types.STRING, part.javaName(), "the text part <code>" + Docs.escape(part.name()) + "</code>"));
        }
      }
    } else {
      String what = body.wrapper() == null
          ? "the request body"
          : "the <code>" + Docs.escape(body.wrapper()) + "</code> the request body carries";
      args.add(new Arg(Types.nullableIf(!body.required(), Types.of(body.type())), argName(body),
          body.required() ? what : what + ", or null to send none"));
    }
    return args;
  }

  private TypeName returnType(OperationDef op) {
    return switch (op.response().kind()) {
      case NONE -> TypeName.VOID;
      case TEXT -> Types.STRING;
      case JSON -> Types.of(op.response().type());
    };
  }

  private static String capitalized(OperationDef op) {
    return Character.toUpperCase(op.methodName().charAt(0)) + op.methodName().substring(1);
  }

  /** Whether the answer type is generic, so that a {@code typeOf...()} method supplies it. */
  private static boolean genericAnswer(OperationDef op) {
    return op.response().kind() == ResponseDef.Kind.JSON && !Types.isClass(op.response().type());
  }

  /** How a call names the type to decode; {@code owner} holds the {@code typeOf...()} method. */
  private static CodeBlock decodeAs(OperationDef op, ClassName owner) {
    return switch (op.response().kind()) {
      case NONE -> CodeBlock.of("$T.class", ClassName.get(Void.class));
      case TEXT -> CodeBlock.of("$T.class", Types.STRING);
      case JSON -> genericAnswer(op)
          ? CodeBlock.of("$T.typeOf$L()", owner, capitalized(op))
          : CodeBlock.of("$T.class", Types.of(op.response().type()));
    };
  }

  /** The call to the blocking service's request method, shared by both surfaces. */
  private static CodeBlock prepared(
      OperationDef op, ClassName owner, List<Arg> pathArgs, TypeName params, List<Arg> bodyArgs) {
    return CodeBlock.of("$T.requestFor$L($L)", owner, capitalized(op),
        callArgs(pathArgs, params == null ? null : CodeBlock.of("params"), bodyArgs, List.of()));
  }

  private void addOperation(TypeSpec.Builder type, OperationDef op, ClassName self) {
    List<Arg> pathArgs = args(op);
    List<Arg> bodyArgs = bodyArgs(op);
    TypeName params = op.paramsType() == null ? null : ClassName.get(Types.MODEL, op.paramsType());
    TypeName returns = returnType(op);
    if (genericAnswer(op)) {
      // a method, not a constant: the anonymous class loads on the operation's first call instead
      // of with the service (55 classes at the first call of any service before); core caches the
      // decoded type per class, so a call only allocates the small reference
      TypeName reference = ParameterizedTypeName.get(Types.TYPE_REFERENCE, returns);
      type.addMethod(
          MethodSpec.methodBuilder("typeOf" + capitalized(op))
              .addModifiers(Modifier.STATIC)
              .addJavadoc("The answer type of {@code $L}, for both surfaces.\n\n@return the type\n",
                  op.methodName())
              .returns(reference)
              .addStatement("return new $T() {}", reference)
              .build());
    }

    // the request, built by the blocking and the asynchronous service alike
    MethodSpec.Builder request =
        MethodSpec.methodBuilder("requestFor" + capitalized(op))
            .addModifiers(Modifier.STATIC)
            .returns(Types.API_REQUEST);
    CodeBlock.Builder requestDoc =
        CodeBlock.builder().add("The request of {@code $L}, for both surfaces.\n\n", op.methodName());
    pathArgs.forEach(a -> request.addParameter(a.type(), a.name()));
    pathArgs.forEach(a -> requestDoc.add("@param $L $L\n", a.name(), a.doc()));
    if (params != null) {
      request.addParameter(params, "params");
      requestDoc.add("@param params the query parameters\n");
    }
    bodyArgs.forEach(a -> request.addParameter(a.type(), a.name()));
    bodyArgs.forEach(a -> requestDoc.add("@param $L $L\n", a.name(), a.doc()));
    requestDoc.add("@return the request\n");
    request.addJavadoc(requestDoc.build());
    request.addCode(requestCode(op, false)).addStatement("return request.build()");
    type.addMethod(request.build());

    // full form: (path..., params?, body..., options)
    CodeBlock prepared = prepared(op, self, pathArgs, params, bodyArgs);
    MethodSpec.Builder full = signature(op, op.methodName(), returns, pathArgs, params, bodyArgs, true, false);
    if (op.response().kind() == ResponseDef.Kind.NONE) {
      full.addStatement("client.call($L, options)", prepared);
    } else {
      full.addStatement("return client.call($L, $L, options)", prepared, decodeAs(op, self));
    }
    type.addMethod(full.build());
    addShortForms(type, op, returns, pathArgs, params, bodyArgs, false);

    if (op.paginated()) {
      TypeRef item = ((TypeRef.ListOf) op.response().type()).element();
      TypeName itemType = Types.of(item);
      TypeName paginated = ParameterizedTypeName.get(Types.PAGINATED, itemType);
      String all = pagerName(op);
      CodeBlock pagination = CodeBlock.of("$T.defaults()", Types.PAGINATION);
      CodeBlock defaults = CodeBlock.of("$T.defaults()", Types.REQUEST_OPTIONS);
      MethodSpec.Builder pager = signature(op, all, paginated, pathArgs, params, bodyArgs, true, false);
      pager.addCode(requestCode(op, true));
      pager.addStatement(
          "return client.paginate(request.build(), $T.class, pagination, options)", itemType);
      type.addMethod(pager.build());
      MethodSpec.Builder simple = signature(op, all, paginated, pathArgs, params, bodyArgs, false, false);
      simple.addStatement("return $N($L)", all,
          callArgs(pathArgs, params == null ? null : CodeBlock.of("params"), bodyArgs, List.of(pagination, defaults)));
      type.addMethod(simple.build());
      if (ParamsEmitter.paramsOptional(op)) {
        MethodSpec.Builder bare = signature(op, all, paginated, pathArgs, null, bodyArgs, false, false);
        bare.addStatement("return $N($L)", all,
            callArgs(pathArgs, CodeBlock.of("$T.builder().build()", params), bodyArgs, List.of(pagination, defaults)));
        type.addMethod(bare.build());
      }
    }
  }

  /** The name of an operation's pager: {@code list} -> {@code listAll}. */
  static String pagerName(OperationDef op) {
    return op.methodName() + "All";
  }

  private void addAsyncOperation(TypeSpec.Builder type, OperationDef op, ClassName blocking) {
    List<Arg> pathArgs = args(op);
    List<Arg> bodyArgs = bodyArgs(op);
    TypeName params = op.paramsType() == null ? null : ClassName.get(Types.MODEL, op.paramsType());
    TypeName returns = returnType(op);
    TypeName future = ParameterizedTypeName.get(Types.COMPLETABLE_FUTURE,
        returns == TypeName.VOID ? ClassName.get(Void.class) : returns);
    MethodSpec.Builder full = signature(op, op.methodName(), future, pathArgs, params, bodyArgs, true, true);
    full.addStatement("return client.callAsync($L, $L, options)",
        prepared(op, blocking, pathArgs, params, bodyArgs), decodeAs(op, blocking));
    type.addMethod(full.build());
    addShortForms(type, op, future, pathArgs, params, bodyArgs, true);
  }

  /** The forms without options, and without parameters when none is required. */
  private void addShortForms(TypeSpec.Builder type, OperationDef op, TypeName result,
      List<Arg> pathArgs, TypeName params, List<Arg> bodyArgs, boolean isAsync) {
    String name = op.methodName();
    String ret = result == TypeName.VOID ? "" : "return ";
    CodeBlock defaults = CodeBlock.of("$T.defaults()", Types.REQUEST_OPTIONS);
    MethodSpec.Builder noOptions = signature(op, name, result, pathArgs, params, bodyArgs, false, isAsync);
    noOptions.addStatement("$L$N($L)", ret, name,
        callArgs(pathArgs, params == null ? null : CodeBlock.of("params"), bodyArgs, List.of(defaults)));
    type.addMethod(noOptions.build());
    if (ParamsEmitter.paramsOptional(op)) {
      MethodSpec.Builder noParams = signature(op, name, result, pathArgs, null, bodyArgs, false, isAsync);
      noParams.addStatement("$L$N($L)", ret, name,
          callArgs(pathArgs, CodeBlock.of("$T.builder().build()", params), bodyArgs, List.of(defaults)));
      type.addMethod(noParams.build());
    }
  }

  private static CodeBlock callArgs(
      List<Arg> pathArgs, CodeBlock params, List<Arg> bodyArgs, List<CodeBlock> tail) {
    List<CodeBlock> parts = new ArrayList<>();
    pathArgs.forEach(a -> parts.add(CodeBlock.of("$N", a.name())));
    if (params != null) {
      parts.add(params);
    }
    bodyArgs.forEach(a -> parts.add(CodeBlock.of("$N", a.name())));
    parts.addAll(tail);
    return CodeBlock.join(parts, ", ");
  }

  private MethodSpec.Builder signature(
      OperationDef op,
      String name,
      TypeName returns,
      List<Arg> pathArgs,
      TypeName params,
      List<Arg> bodyArgs,
      boolean withOptions,
      boolean async) {
    MethodSpec.Builder m =
        MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns);
    CodeBlock.Builder doc = CodeBlock.builder();
    String summary = op.summary().isEmpty() ? op.operationId() : op.summary();
    if (!summary.endsWith(".")) {
      summary = summary + ".";
    }
    doc.add("$L\n\n", Docs.escape(summary));
    doc.add("<p><code>$L $L</code>", op.httpMethod(), Docs.escape(op.path()));
    boolean pager = op.paginated() && name.equals(pagerName(op));
    if (pager) {
      doc.add(
          ", every page, fetched lazily while iterating; the pages requested follow {@code"
              + " pagination}, so {@code page} and {@code pageSize} of {@code params} are not"
              + " sent");
    }
    doc.add("\n\n");
    if (async) {
      doc.add(
          "<p>Asynchronous: no thread waits, not even for a token; the future fails with the {@code"
              + " LogtoException} the blocking form throws. Bad arguments throw at once.\n\n");
    }
    for (Arg a : pathArgs) {
      m.addParameter(a.type(), a.name());
      doc.add("@param $L $L\n", a.name(), a.doc());
    }
    if (params != null) {
      m.addParameter(params, "params");
      doc.add("@param params the query parameters\n");
    }
    for (Arg a : bodyArgs) {
      m.addParameter(a.type(), a.name());
      doc.add("@param $L $L\n", a.name(), a.doc());
    }
    if (withOptions) {
      if (pager) {
        m.addParameter(Types.PAGINATION, "pagination");
        doc.add("@param pagination the first page and the page size\n");
      }
      m.addParameter(Types.REQUEST_OPTIONS, "options");
      doc.add("@param options per-request options\n");
    }
    if (async) {
      doc.add("@return $L\n", switch (op.response().kind()) {
        case NONE -> "a future completing when the call succeeds";
        case TEXT -> "a future of the response body as text";
        case JSON -> "a future of the decoded response";
      });
    } else if (returns != TypeName.VOID) {
      doc.add("@return $L\n", op.response().kind() == ResponseDef.Kind.TEXT ? "the response body as text" : "the decoded response");
    }
    doc.add(
        "@see <a href=\"$L$L\">$L in the Logto API reference</a>\n",
        REFERENCE,
        op.operationId().toLowerCase(Locale.ROOT),
        op.operationId());
    m.addJavadoc(doc.build());
    return m;
  }

  private CodeBlock requestCode(OperationDef op, boolean forPager) {
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
        case JSON -> {
          if (body.wrapper() != null) {
            // the one property the wire wraps the value in; a null value is sent as JSON null
            if (body.required()) {
              c.addStatement("request.body($T.singletonMap($S, $T.requireNonNull($N, $S)))", Types.COLLECTIONS,
                  body.wrapper(), Types.OBJECTS, argName(body), argName(body) + " == null");
            } else {
              c.beginControlFlow("if ($N != null)", argName(body))
                  .addStatement("request.body($T.singletonMap($S, $N))", Types.COLLECTIONS, body.wrapper(), argName(body))
                  .endControlFlow();
            }
          } else if (body.required()) {
            c.addStatement("request.body($T.requireNonNull($N, $S))", Types.OBJECTS, argName(body), argName(body) + " == null");
          } else {
            c.beginControlFlow("if ($N != null)", argName(body)).addStatement("request.body($N)", argName(body)).endControlFlow();
          }
        }
        case FORM -> {
          c.addStatement("$T.requireNonNull(body, $S)", Types.OBJECTS, "body == null");
          TypeDef.RecordDef rec = (TypeDef.RecordDef) types.get(((TypeRef.Named) body.type()).name());
          for (FieldDef f : rec.fields()) {
            String access = f.tristate() ? "body." + f.javaName() + "().value().orElse(null)" : "body." + f.javaName() + "()";
            c.beginControlFlow("if ($L != null)", access)
                .addStatement("request.formField($S, $T.valueOf($L))", f.jsonName(), Types.STRING, access)
                .endControlFlow();
          }
        }
        case MULTIPART -> {
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
    }
    return c.build();
  }
}

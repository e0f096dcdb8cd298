package io.logto.management.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
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
import io.logto.management.codegen.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Emits one service class per tag, the query params records and the facade. */
final class ServiceEmitter {
  static final String REFERENCE = "https://openapi.logto.io/operation/operation-";

  private final Map<String, TypeDef> types;

  ServiceEmitter(Map<String, TypeDef> types) {
    this.types = types;
  }

  // ---- params records ------------------------------------------------------------------------

  static TypeSpec params(OperationDef op) {
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

  private static boolean paramsOptional(OperationDef op) {
    return op.paramsType() != null && op.queryParams().stream().noneMatch(ParamDef::required);
  }

  // ---- services ------------------------------------------------------------------------------

  TypeSpec service(ServiceDef s) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(s.className())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(ModelEmitter.generated())
            .addJavadoc(
                "Operations of the <code>$L</code> tag. Thread-safe; obtain it from {@code"
                    + " LogtoManagement.$L()}.\n",
                Docs.escape(s.tag()),
                s.accessor())
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
    for (OperationDef op : s.operations()) {
      addOperation(type, op);
    }
    return type.build();
  }

  private record Arg(TypeName type, String name, String doc) {}

  private List<Arg> args(OperationDef op) {
    List<Arg> args = new ArrayList<>();
    for (ParamDef p : op.pathParams()) {
      args.add(new Arg(Types.of(p.type()), p.javaName(), Docs.pathParam(p.name(), p.type(), types)));
    }
    return args;
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
      args.add(new Arg(Types.nullableIf(!body.required(), Types.of(body.type())), "body",
          body.required() ? "the request body" : "the request body, or null to send none"));
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

  private void addOperation(TypeSpec.Builder type, OperationDef op) {
    List<Arg> pathArgs = args(op);
    List<Arg> bodyArgs = bodyArgs(op);
    TypeName params = op.paramsType() == null ? null : ClassName.get(Types.MODEL, op.paramsType());
    TypeName returns = returnType(op);
    String typeRefMethod = null;
    if (op.response().kind() == ResponseDef.Kind.JSON && !Types.isClass(op.response().type())) {
      // a method, not a constant: the anonymous class loads on the operation's first call instead
      // of with the service (55 classes at the first call of any service before); core caches the
      // decoded type per class, so a call only allocates the small reference
      typeRefMethod = "typeOf" + Character.toUpperCase(op.methodName().charAt(0)) + op.methodName().substring(1);
      TypeName reference = ParameterizedTypeName.get(Types.TYPE_REFERENCE, returns);
      type.addMethod(
          MethodSpec.methodBuilder(typeRefMethod)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(reference)
              .addStatement("return new $T() {}", reference)
              .build());
    }

    // the request, built by both the blocking and the asynchronous form
    String prepare = "requestFor" + Character.toUpperCase(op.methodName().charAt(0)) + op.methodName().substring(1);
    MethodSpec.Builder request =
        MethodSpec.methodBuilder(prepare).addModifiers(Modifier.PRIVATE).returns(Types.API_REQUEST);
    pathArgs.forEach(a -> request.addParameter(a.type(), a.name()));
    if (params != null) {
      request.addParameter(params, "params");
    }
    bodyArgs.forEach(a -> request.addParameter(a.type(), a.name()));
    request.addCode(requestCode(op, false)).addStatement("return request.build()");
    type.addMethod(request.build());
    CodeBlock prepared = CodeBlock.of("$N($L)", prepare,
        callArgs(pathArgs, params == null ? null : CodeBlock.of("params"), bodyArgs, List.of()));
    CodeBlock decodeAs = switch (op.response().kind()) {
      case NONE -> CodeBlock.of("$T.class", ClassName.get(Void.class));
      case TEXT -> CodeBlock.of("$T.class", Types.STRING);
      case JSON -> typeRefMethod != null
          ? CodeBlock.of("$N()", typeRefMethod)
          : CodeBlock.of("$T.class", Types.of(op.response().type()));
    };

    // full form: (path..., params?, body..., options)
    MethodSpec.Builder full = signature(op, op.methodName(), returns, pathArgs, params, bodyArgs, true, false);
    if (op.response().kind() == ResponseDef.Kind.NONE) {
      full.addStatement("client.call($L, options)", prepared);
    } else {
      full.addStatement("return client.call($L, $L, options)", prepared, decodeAs);
    }
    type.addMethod(full.build());
    String async = op.methodName() + "Async";
    TypeName future = ParameterizedTypeName.get(Types.COMPLETABLE_FUTURE,
        returns == TypeName.VOID ? ClassName.get(Void.class) : returns);
    MethodSpec.Builder fullAsync = signature(op, async, future, pathArgs, params, bodyArgs, true, true);
    fullAsync.addStatement("return client.callAsync($L, $L, options)", prepared, decodeAs);
    type.addMethod(fullAsync.build());

    CodeBlock defaults = CodeBlock.of("$T.defaults()", Types.REQUEST_OPTIONS);
    CodeBlock paramsArg = CodeBlock.of("params");
    CodeBlock emptyParams = params == null ? null : CodeBlock.of("$T.builder().build()", params);
    for (boolean isAsync : new boolean[] {false, true}) {
      String name = isAsync ? async : op.methodName();
      TypeName result = isAsync ? future : returns;
      String ret = result == TypeName.VOID ? "" : "return ";

      // without options
      MethodSpec.Builder noOptions = signature(op, name, result, pathArgs, params, bodyArgs, false, isAsync);
      noOptions.addStatement("$L$N($L)", ret, name,
          callArgs(pathArgs, params == null ? null : paramsArg, bodyArgs, List.of(defaults)));
      type.addMethod(noOptions.build());

      // without params, when none is required
      if (paramsOptional(op)) {
        MethodSpec.Builder noParams = signature(op, name, result, pathArgs, null, bodyArgs, false, isAsync);
        noParams.addStatement("$L$N($L)", ret, name, callArgs(pathArgs, emptyParams, bodyArgs, List.of(defaults)));
        type.addMethod(noParams.build());
      }
    }

    if (op.paginated()) {
      TypeRef item = ((TypeRef.ListOf) op.response().type()).element();
      TypeName itemType = Types.of(item);
      TypeName paginated = ParameterizedTypeName.get(Types.PAGINATED, itemType);
      String all = op.methodName() + "All";
      CodeBlock pagination = CodeBlock.of("$T.defaults()", Types.PAGINATION);
      MethodSpec.Builder pager = signature(op, all, paginated, pathArgs, params, bodyArgs, true, false);
      pager.addCode(requestCode(op, true));
      pager.addStatement(
          "return client.paginate(request.build(), $T.class, pagination, options)", itemType);
      type.addMethod(pager.build());
      MethodSpec.Builder simple = signature(op, all, paginated, pathArgs, params, bodyArgs, false, false);
      simple.addStatement("return $N($L)", all,
          callArgs(pathArgs, params == null ? null : paramsArg, bodyArgs, List.of(pagination, defaults)));
      type.addMethod(simple.build());
      if (paramsOptional(op)) {
        MethodSpec.Builder bare = signature(op, all, paginated, pathArgs, null, bodyArgs, false, false);
        bare.addStatement("return $N($L)", all,
            callArgs(pathArgs, emptyParams, bodyArgs, List.of(pagination, defaults)));
        type.addMethod(bare.build());
      }
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
    boolean pager = op.paginated() && name.equals(op.methodName() + "All");
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
          if (body.required()) {
            c.addStatement("request.body($T.requireNonNull(body, $S))", Types.OBJECTS, "body == null");
          } else {
            c.beginControlFlow("if (body != null)").addStatement("request.body(body)").endControlFlow();
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

  // ---- facade --------------------------------------------------------------------------------

  static TypeSpec facade(List<ServiceDef> services) {
    ClassName self = ClassName.get(Types.ROOT, "LogtoManagement");
    TypeSpec.Builder type =
        TypeSpec.classBuilder("LogtoManagement")
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(ModelEmitter.generated())
            .addJavadoc(
                "The typed Logto Management API: one service per tag of the document.\n\n"
                    + "<pre>{@code\nLogtoManagement logto = LogtoManagement.of(client);\n"
                    + "var user = logto.users().get(\"some-user-id\");\n}</pre>\n\n"
                    + "<p>Thread-safe. Each service is created on its first use, so a program loads"
                    + " only the services it calls.\n")
            .addField(Types.LOGTO_CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(Types.LOGTO_CLIENT, "client")
            .addStatement("this.client = client")
            .build());
    for (ServiceDef s : services) {
      ClassName st = ClassName.get(Types.SERVICE, s.className());
      // racy single check: two threads meeting here may each create one, which is harmless (a
      // service holds only the client) and cheaper than a lock; volatile publishes it safely
      type.addField(Types.nullableIf(true, st), s.accessor(), Modifier.PRIVATE, Modifier.VOLATILE);
    }
    type.addMethod(
        MethodSpec.methodBuilder("of")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addParameter(Types.LOGTO_CLIENT, "client")
            .addJavadoc(
                "Wraps a client.\n\n@param client the client that sends every call\n"
                    + "@return the typed API\n")
            .addStatement(
                "return new $T($T.requireNonNull(client, $S))", self, Types.OBJECTS, "client == null")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("client")
            .addModifiers(Modifier.PUBLIC)
            .returns(Types.LOGTO_CLIENT)
            .addJavadoc(
                "Returns the underlying client, for calls by path ({@code ApiRequest}).\n\n"
                    + "@return the client\n")
            .addStatement("return client")
            .build());
    for (ServiceDef s : services) {
      ClassName st = ClassName.get(Types.SERVICE, s.className());
      type.addMethod(
          MethodSpec.methodBuilder(s.accessor())
              .addModifiers(Modifier.PUBLIC)
              .returns(st)
              .addJavadoc(
                  "Returns the operations of the <code>$L</code> tag.\n\n@return the service\n",
                  Docs.escape(s.tag()))
              .addStatement("$T service = $N", st, s.accessor())
              .beginControlFlow("if (service == null)")
              .addStatement("service = new $T(client)", st)
              .addStatement("$N = service", s.accessor())
              .endControlFlow()
              .addStatement("return service")
              .build());
    }
    return type.build();
  }
}

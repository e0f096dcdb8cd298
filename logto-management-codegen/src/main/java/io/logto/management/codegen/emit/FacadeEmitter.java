package io.logto.management.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.logto.management.codegen.model.ServiceDef;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Emits the two entry points: {@code LogtoManagement} with the blocking services and {@code
 * AsyncLogtoManagement} (from {@code logto.async()}) with the same services returning futures.
 */
final class FacadeEmitter {
  static final ClassName SYNC = ClassName.get(Types.ROOT, "LogtoManagement");
  static final ClassName ASYNC = ClassName.get(Types.ROOT, "AsyncLogtoManagement");

  private FacadeEmitter() {}

  static TypeSpec sync(List<ServiceDef> services) {
    TypeSpec.Builder type =
        start(
            SYNC,
            "The typed Logto Management API: one service per tag of the document.\n\n"
                + "<pre>{@code\nLogtoManagement logto = LogtoManagement.of(client);\n"
                + "var user = logto.users().get(\"some-user-id\");\n"
                + "logto.async().users().get(\"some-user-id\").thenAccept(u -> ...);\n}</pre>\n\n"
                + "<p>Thread-safe. Each service is created on its first use, so a program loads"
                + " only the services it calls.\n");
    type.addMethod(
        MethodSpec.methodBuilder("of")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(SYNC)
            .addParameter(Types.LOGTO_CLIENT, "client")
            .addJavadoc(
                "Wraps a client.\n\n@param client the client that sends every call\n"
                    + "@return the typed API\n")
            .addStatement(
                "return new $T($T.requireNonNull(client, $S))", SYNC, Types.OBJECTS, "client == null")
            .build());
    type.addField(Types.nullableIf(true, ASYNC), "async", Modifier.PRIVATE, Modifier.VOLATILE);
    type.addMethod(
        MethodSpec.methodBuilder("async")
            .addModifiers(Modifier.PUBLIC)
            .returns(ASYNC)
            .addJavadoc(
                "Returns the same services over the same client, each operation returning a {@code"
                    + " CompletableFuture}: no thread waits, not even for a token.\n\n"
                    + "@return the asynchronous API\n")
            .addStatement("$T api = async", ASYNC)
            .beginControlFlow("if (api == null)")
            .addStatement("api = new $T(client)", ASYNC)
            .addStatement("async = api")
            .endControlFlow()
            .addStatement("return api")
            .build());
    addServices(type, services, s -> ClassName.get(Types.SERVICE, s.className()));
    return type.build();
  }

  static TypeSpec async(List<ServiceDef> services) {
    TypeSpec.Builder type =
        start(
            ASYNC,
            "The typed Logto Management API with every operation returning a {@code"
                + " CompletableFuture}; obtain it from {@code LogtoManagement.async()}.\n\n"
                + "<pre>{@code\nlogto.async().users().get(\"some-user-id\").thenAccept(u -> ...);\n}"
                + "</pre>\n\n"
                + "<p>The futures fail with the {@code LogtoException} the blocking form throws."
                + " Paged listings stay on the blocking services: their {@code Paginated} offers"
                + " {@code publisher()}, which never blocks. Thread-safe.\n");
    addServices(type, services, s -> AsyncServiceEmitter.asyncName(s));
    return type.build();
  }

  private static TypeSpec.Builder start(ClassName self, String javadoc) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self.simpleName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addAnnotation(ModelEmitter.generated())
            .addJavadoc(javadoc)
            .addField(Types.LOGTO_CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder ctor =
        MethodSpec.constructorBuilder()
            .addParameter(Types.LOGTO_CLIENT, "client")
            .addStatement("this.client = client");
    if (self.equals(SYNC)) {
      ctor.addModifiers(Modifier.PRIVATE);
    }
    type.addMethod(ctor.build());
    type.addMethod(
        MethodSpec.methodBuilder("client")
            .addModifiers(Modifier.PUBLIC)
            .returns(Types.LOGTO_CLIENT)
            .addJavadoc(
                "Returns the underlying client, for calls by path ({@code ApiRequest}).\n\n"
                    + "@return the client\n")
            .addStatement("return client")
            .build());
    return type;
  }

  private static void addServices(
      TypeSpec.Builder type, List<ServiceDef> services, Function<ServiceDef, ClassName> classOf) {
    for (ServiceDef s : services) {
      // racy single check: two threads meeting here may each create one, which is harmless (a
      // service holds only the client) and cheaper than a lock; volatile publishes it safely
      type.addField(Types.nullableIf(true, classOf.apply(s)), s.accessor(), Modifier.PRIVATE, Modifier.VOLATILE);
    }
    for (ServiceDef s : services) {
      ClassName st = classOf.apply(s);
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
  }
}

package io.logto.management.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ResponseDef;
import io.logto.management.codegen.model.ServiceDef;
import io.logto.management.codegen.model.TypeDef;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits the blocking service class of a tag ({@code UsersService}): per operation the request it
 * builds for both surfaces, the call in its forms, and the pager of a paged listing.
 */
final class ServiceEmitter {
  private final Map<String, TypeDef> types;
  private final Requests requests;

  /** Over the model's types, which describe the arguments and a form body's fields. */
  ServiceEmitter(Map<String, TypeDef> types) {
    this.types = types;
    this.requests = new Requests(types);
  }

  TypeSpec service(ServiceDef s) {
    TypeSpec.Builder type =
        start(
            s.className(),
            "Operations of the <code>$L</code> tag. Thread-safe; obtain it from {@code"
                + " LogtoManagement.$L()}; {@code LogtoManagement.async().$L()} has the same"
                + " operations returning futures.\n",
            s);
    ClassName self = ClassName.get(Types.SERVICE, s.className());
    for (OperationDef op : s.operations()) {
      addOperation(type, op, self);
    }
    return type.build();
  }

  /**
   * A service class named {@code className} over a {@code client}; {@code javadoc} takes the tag,
   * then the facade's accessor twice.
   */
  static TypeSpec.Builder start(String className, String javadoc, ServiceDef s) {
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

  private void addOperation(TypeSpec.Builder type, OperationDef op, ClassName self) {
    OperationArgs args = OperationArgs.of(op, types);
    MethodSpec typeOf = Requests.typeOf(op, args.returns());
    if (typeOf != null) {
      type.addMethod(typeOf);
    }
    type.addMethod(requests.requestFor(op, args));

    CodeBlock prepared = Requests.prepared(op, self, args);
    MethodSpec.Builder full =
        Overloads.declare(op, op.methodName(), args.returns(), args, Overloads.Form.FULL, false, false);
    if (op.response().kind() == ResponseDef.Kind.NONE) {
      full.addStatement("client.call($L, options)", prepared);
    } else {
      full.addStatement("return client.call($L, $L, options)", prepared, Requests.decodeAs(op, self));
    }
    type.addMethod(full.build());
    Overloads.addShortForms(
        type, op, op.methodName(), args.returns(), args, List.of(Overloads.DEFAULT_OPTIONS), false, false);

    if (op.paginated()) {
      Pagers.add(type, op, args, requests);
    }
  }
}

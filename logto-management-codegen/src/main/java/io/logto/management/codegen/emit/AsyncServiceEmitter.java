package io.logto.management.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ServiceDef;
import io.logto.management.codegen.model.TypeDef;
import java.util.List;
import java.util.Map;

/**
 * Emits the asynchronous service class of a tag ({@code AsyncUsersService}): the blocking service's
 * operations returning futures, sending the requests the blocking service builds through {@code
 * callAsync}.
 */
final class AsyncServiceEmitter {
  private final Map<String, TypeDef> types;

  /** Over the model's types, which describe the arguments. */
  AsyncServiceEmitter(Map<String, TypeDef> types) {
    this.types = types;
  }

  /** The asynchronous service class of a tag: {@code UsersService} -> {@code AsyncUsersService}. */
  static ClassName asyncName(ServiceDef s) {
    return ClassName.get(Types.SERVICE, "Async" + s.className());
  }

  TypeSpec asyncService(ServiceDef s) {
    TypeSpec.Builder type =
        ServiceEmitter.start(
            asyncName(s).simpleName(),
            "Operations of the <code>$L</code> tag returning {@code CompletableFuture}: no thread"
                + " waits, not even for a token; a future fails with the {@code LogtoException}"
                + " the blocking form throws, bad arguments throw at once. Thread-safe; obtain it"
                + " from {@code LogtoManagement.async().$L()}; paged listings ({@code"
                + " LogtoManagement.$L()}) offer a non-blocking {@code publisher()}.\n",
            s);
    ClassName blocking = ClassName.get(Types.SERVICE, s.className());
    for (OperationDef op : s.operations()) {
      addOperation(type, op, blocking);
    }
    return type.build();
  }

  private void addOperation(TypeSpec.Builder type, OperationDef op, ClassName blocking) {
    OperationArgs args = OperationArgs.of(op, types);
    TypeName future = ParameterizedTypeName.get(Types.COMPLETABLE_FUTURE,
        args.returns() == TypeName.VOID ? ClassName.get(Void.class) : args.returns());
    MethodSpec.Builder full =
        Overloads.declare(op, op.methodName(), future, args, Overloads.Form.FULL, false, true);
    full.addStatement("return client.callAsync($L, $L, options)",
        Requests.prepared(op, blocking, args), Requests.decodeAs(op, blocking));
    type.addMethod(full.build());
    Overloads.addShortForms(type, op, op.methodName(), future, args, List.of(Overloads.DEFAULT_OPTIONS), false, true);
  }
}

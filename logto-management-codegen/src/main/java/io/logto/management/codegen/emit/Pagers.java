package io.logto.management.codegen.emit;

import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.List;

/**
 * Adds the pager of a paginated operation to the blocking service: {@code listAll(...)} returns a
 * {@code Paginated} that fetches page after page as it is iterated, in the same forms as the call.
 */
final class Pagers {
  private Pagers() {}

  /** The name of an operation's pager: {@code list} -> {@code listAll}. */
  static String name(OperationDef op) {
    return op.methodName() + "All";
  }

  /** Adds the pager's full and short forms of {@code op}, which must be paginated. */
  static void add(TypeSpec.Builder type, OperationDef op, OperationArgs args, Requests requests) {
    TypeName item = Types.of(((TypeRef.ListOf) op.response().type()).element());
    TypeName paginated = ParameterizedTypeName.get(Types.PAGINATED, item);
    String all = name(op);
    type.addMethod(Overloads.declare(op, all, paginated, args, Overloads.Form.FULL, true, false)
        .addCode(requests.code(op, true))
        .addStatement("return client.paginate(request.build(), $T.class, pagination, options)", item)
        .build());
    Overloads.addShortForms(type, op, all, paginated, args,
        List.of(Overloads.DEFAULT_PAGINATION, Overloads.DEFAULT_OPTIONS), true, false);
  }
}

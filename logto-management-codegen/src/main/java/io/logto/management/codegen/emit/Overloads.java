package io.logto.management.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.logto.management.codegen.model.OperationDef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Declares the public methods of an operation: the full form takes every argument and the request
 * options (a pager's the pagination too); the short forms leave out the options, and also the query
 * parameters when none is required, and pass defaults to the full form.
 */
final class Overloads {
  static final CodeBlock DEFAULT_OPTIONS = CodeBlock.of("$T.defaults()", Types.REQUEST_OPTIONS);
  static final CodeBlock DEFAULT_PAGINATION = CodeBlock.of("$T.defaults()", Types.PAGINATION);

  private Overloads() {}

  /** Which arguments a form takes beyond the path and body. */
  enum Form {
    /** The query parameters (if any), the pagination of a pager, and the request options. */
    FULL,
    /** The query parameters (if any). */
    NO_OPTIONS,
    /** Neither, for an operation whose query parameters are all optional. */
    NO_PARAMS
  }

  /**
   * A public method {@code name} of {@code op} returning {@code returns}, with its parameters and
   * Javadoc and no body yet.
   *
   * @param pager whether it lists every page, so the full form takes the pagination
   * @param async whether it returns a future
   */
  static MethodSpec.Builder declare(
      OperationDef op, String name, TypeName returns, OperationArgs args, Form form, boolean pager, boolean async) {
    List<OperationArgs.Arg> all = new ArrayList<>(args.path());
    if (args.params() != null && form != Form.NO_PARAMS) {
      all.add(new OperationArgs.Arg(args.params(), "params", "the query parameters"));
    }
    all.addAll(args.body());
    if (form == Form.FULL) {
      if (pager) {
        all.add(new OperationArgs.Arg(Types.PAGINATION, "pagination", "the first page and the page size"));
      }
      all.add(new OperationArgs.Arg(Types.REQUEST_OPTIONS, "options", "per-request options"));
    }
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns);
    all.forEach(a -> m.addParameter(a.type(), a.name()));
    return m.addJavadoc(MethodDocs.of(op, all, pager, async));
  }

  /**
   * Adds the short forms of method {@code name}, each calling the full form with {@code defaults}
   * in place of the arguments it leaves out.
   */
  static void addShortForms(TypeSpec.Builder type, OperationDef op, String name, TypeName result,
      OperationArgs args, List<CodeBlock> defaults, boolean pager, boolean async) {
    String ret = result == TypeName.VOID ? "" : "return ";
    type.addMethod(declare(op, name, result, args, Form.NO_OPTIONS, pager, async)
        .addStatement("$L$N($L)", ret, name, args.call(args.paramsArg(), defaults))
        .build());
    if (ParamsEmitter.paramsOptional(op)) {
      type.addMethod(declare(op, name, result, args, Form.NO_PARAMS, pager, async)
          .addStatement("$L$N($L)", ret, name, args.call(args.emptyParams(), defaults))
          .build());
    }
  }
}

package io.logto.management.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ResponseDef;
import java.util.List;
import java.util.Locale;

/**
 * The Javadoc of a service method, facts only: the operation's summary, its HTTP method and path,
 * each parameter, what it returns, and a link to the operation's page of the Logto API reference.
 */
final class MethodDocs {
  static final String REFERENCE = "https://openapi.logto.io/operation/operation-";

  private MethodDocs() {}

  /**
   * The Javadoc of a method of {@code op} taking {@code args} in that order.
   *
   * @param pager whether the method lists every page
   * @param async whether the method returns a future
   */
  static CodeBlock of(OperationDef op, List<OperationArgs.Arg> args, boolean pager, boolean async) {
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add("$L\n\n", Docs.escape(summary(op)));
    doc.add("<p><code>$L $L</code>", op.httpMethod(), Docs.escape(op.path()));
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
    for (OperationArgs.Arg a : args) {
      doc.add("@param $L $L\n", a.name(), a.doc());
    }
    String returns = returns(op.response().kind(), async);
    if (returns != null) {
      doc.add("@return $L\n", returns);
    }
    doc.add("@see <a href=\"$L\">$L in the Logto API reference</a>\n", reference(op), op.operationId());
    return doc.build();
  }

  /** The first sentence: the document's summary, else the operationId, ending with a full stop. */
  static String summary(OperationDef op) {
    String summary = op.summary().isEmpty() ? op.operationId() : op.summary();
    return summary.endsWith(".") ? summary : summary + ".";
  }

  /** What a call returns, for its {@code @return} tag; {@code null} for a blocking call without a body. */
  static String returns(ResponseDef.Kind kind, boolean async) {
    if (async) {
      return switch (kind) {
        case NONE -> "a future completing when the call succeeds";
        case TEXT -> "a future of the response body as text";
        case JSON -> "a future of the decoded response";
      };
    }
    return switch (kind) {
      case NONE -> null;
      case TEXT -> "the response body as text";
      case JSON -> "the decoded response";
    };
  }

  /** The operation's page of the Logto API reference, which names pages by lower-cased operationId. */
  static String reference(OperationDef op) {
    return REFERENCE + op.operationId().toLowerCase(Locale.ROOT);
  }
}

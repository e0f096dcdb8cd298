package io.logto.management.codegen.emit;

import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.ResponseDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.List;

/** Operations of a made-up document model, for the emitter stages' tests. */
final class Operations {
  static final ResponseDef NO_ANSWER = new ResponseDef(ResponseDef.Kind.NONE, null, null);
  static final ResponseDef WIDGET = new ResponseDef(ResponseDef.Kind.JSON, new TypeRef.Named("Widget"), null);
  static final ResponseDef WIDGETS =
      new ResponseDef(ResponseDef.Kind.JSON, new TypeRef.ListOf(new TypeRef.Named("Widget")), null);

  private Operations() {}

  static ParamDef query(String name, String javaName, boolean required) {
    return new ParamDef(name, javaName, TypeRef.Scalar.STRING, required, false, "");
  }

  static ParamDef path(String name) {
    return new ParamDef(name, name, TypeRef.Scalar.STRING, true, false, "");
  }

  /** {@code GET /api/widgets}, paged, with an optional search text unless {@code required}. */
  static OperationDef listWidgets(boolean searchRequired) {
    return new OperationDef("ListWidgets", "list", "GET", "/api/widgets", "List widgets", List.of(),
        List.of(query("page", "page", false), query("page_size", "pageSize", false),
            query("search", "search", searchRequired)),
        "ListWidgetsParams", null, WIDGETS, true);
  }

  /** {@code POST /api/widgets/{id}/parts} with {@code body}, answering {@code response}. */
  static OperationDef post(String operationId, String summary, BodyDef body, ResponseDef response) {
    return new OperationDef(operationId, "create", "POST", "/api/widgets/{id}/parts", summary,
        List.of(path("id")), List.of(), null, body, response, false);
  }
}

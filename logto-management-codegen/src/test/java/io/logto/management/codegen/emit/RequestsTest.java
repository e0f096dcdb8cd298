package io.logto.management.codegen.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ResponseDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an operation's request carries, and how a call names the type it decodes. */
final class RequestsTest {
  private static final ClassName OWNER = ClassName.get(Types.SERVICE, "WidgetsService");

  @Test
  void aPagerLeavesPageAndPageSizeToThePaginationAndSendsTheOtherParameters() {
    Requests requests = new Requests(Map.of());
    OperationDef op = Operations.listWidgets(false);

    String call = requests.code(op, false).toString();
    String pager = requests.code(op, true).toString();

    assertThat(call).contains("request.query(\"page\", params.page())")
        .contains("request.query(\"page_size\", params.pageSize())");
    assertThat(pager).doesNotContain("\"page\"").doesNotContain("\"page_size\"")
        .contains("request.query(\"search\", params.search())");
  }

  @Test
  void aFormBodySendsEachPresentFieldAndReadsATristateFieldsValue() {
    TypeDef.RecordDef form = new TypeDef.RecordDef("TokenForm", "#/form", List.of(
        new FieldDef("grant_type", "grantType", TypeRef.Scalar.STRING, true, false, ""),
        new FieldDef("scope", "scope", TypeRef.Scalar.STRING, false, true, "")), true, List.of());
    BodyDef body = new BodyDef(BodyDef.Kind.FORM, new TypeRef.Named("TokenForm"), true, List.of());

    String code = new Requests(Map.of("TokenForm", form))
        .code(Operations.post("CreateToken", "", body, Operations.WIDGET), false).toString();

    assertThat(code)
        .contains("if (body.grantType() != null)")
        .contains("request.formField(\"grant_type\", java.lang.String.valueOf(body.grantType()))")
        .contains("if (body.scope().value().orElse(null) != null)");
  }

  @Test
  void aTextAnswerWithAMediaTypeAcceptsIt() {
    ResponseDef text = new ResponseDef(ResponseDef.Kind.TEXT, null, "text/csv");
    String code = new Requests(Map.of()).code(Operations.post("ExportParts", "", null, text), false).toString();

    assertThat(code).contains(".pathParam(\"id\", id)").contains(".accept(\"text/csv\")");
  }

  @Test
  void onlyAGenericAnswerGetsATypeOfMethod() {
    OperationDef list = Operations.listWidgets(false);
    OperationDef one = Operations.post("CreatePart", "", null, Operations.WIDGET);

    assertThat(Requests.typeOf(one, ClassName.get(Types.MODEL, "Widget"))).isNull();
    assertThat(Requests.decodeAs(one, OWNER).toString()).isEqualTo("io.logto.management.model.Widget.class");
    assertThat(Requests.typeOf(list, OperationArgs.of(list, Map.of()).returns()).name()).isEqualTo("typeOfList");
    assertThat(Requests.decodeAs(list, OWNER).toString())
        .isEqualTo("io.logto.management.service.WidgetsService.typeOfList()");
  }
}

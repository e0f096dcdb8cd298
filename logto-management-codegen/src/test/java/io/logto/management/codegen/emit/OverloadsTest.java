package io.logto.management.codegen.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import io.logto.management.codegen.model.OperationDef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which forms of a call and of a pager exist, and what each takes. */
final class OverloadsTest {
  private static List<String> parameters(MethodSpec m) {
    return m.parameters().stream().map(ParameterSpec::name).toList();
  }

  private static List<MethodSpec> pagerForms(OperationDef op) {
    TypeSpec.Builder type = TypeSpec.classBuilder("WidgetsService");
    Pagers.add(type, op, OperationArgs.of(op, Map.of()), new Requests(Map.of()));
    return type.build().methodSpecs();
  }

  @Test
  void optionalParametersGiveAFormWithoutThem() {
    List<MethodSpec> forms = pagerForms(Operations.listWidgets(false));

    assertThat(forms).extracting(MethodSpec::name).containsOnly("listAll");
    assertThat(forms).extracting(OverloadsTest::parameters).containsExactly(
        List.of("params", "pagination", "options"), List.of("params"), List.of());
    assertThat(forms.get(2).code().toString()).contains(
        "return listAll(io.logto.management.model.ListWidgetsParams.builder().build(),"
            + " io.logto.management.core.Pagination.defaults(), io.logto.management.core.RequestOptions.defaults())");
  }

  @Test
  void aRequiredParameterLeavesOnlyTheFormWithoutOptions() {
    List<MethodSpec> forms = pagerForms(Operations.listWidgets(true));

    assertThat(forms).extracting(OverloadsTest::parameters).containsExactly(
        List.of("params", "pagination", "options"), List.of("params"));
  }

  @Test
  void aCallWithoutAnswerReturnsNothingFromItsShortForm() {
    OperationDef op = Operations.post("DeletePart", "", null, Operations.NO_ANSWER);
    OperationArgs args = OperationArgs.of(op, Map.of());
    TypeSpec.Builder type = TypeSpec.classBuilder("WidgetsService");

    Overloads.addShortForms(type, op, "delete", args.returns(), args, List.of(Overloads.DEFAULT_OPTIONS), false, false);

    MethodSpec form = type.build().methodSpecs().get(0);
    assertThat(parameters(form)).containsExactly("id");
    assertThat(form.code().toString()).isEqualTo("delete(id, io.logto.management.core.RequestOptions.defaults());\n");
  }
}

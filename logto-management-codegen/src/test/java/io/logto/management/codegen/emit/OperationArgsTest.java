package io.logto.management.codegen.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arguments of an operation's methods: order, names, types and their {@code @param} texts. */
final class OperationArgsTest {
  @Test
  void aFilePartTakesNameMediaTypeAndContentATextPartOneString() {
    BodyDef body = new BodyDef(BodyDef.Kind.MULTIPART, null, true,
        List.of(new BodyDef.Part("file", "file", true), new BodyDef.Part("alt", "alt", false)));
    OperationArgs args = OperationArgs.of(Operations.post("UploadPart", "", body, Operations.WIDGET), Map.of());

    assertThat(args.body()).extracting(OperationArgs.Arg::name)
        .containsExactly("fileFilename", "fileContentType", "file", "alt");
    assertThat(args.body()).extracting(OperationArgs.Arg::type)
        .containsExactly(Types.STRING, Types.STRING, ArrayTypeName.of(TypeName.BYTE), Types.STRING);
    assertThat(args.body().get(0).doc()).isEqualTo("the file name of part <code>file</code>");
    assertThat(args.body().get(3).doc()).isEqualTo("the text part <code>alt</code>");
  }

  @Test
  void aWrappedOptionalBodyIsTakenAsItsPropertyAndMayBeNull() {
    BodyDef body = new BodyDef(BodyDef.Kind.JSON, TypeRef.Scalar.JSON, false, List.of(), "custom_data", "customData");
    OperationArgs args = OperationArgs.of(Operations.post("UpdateData", "", body, Operations.NO_ANSWER), Map.of());

    OperationArgs.Arg arg = args.body().get(0);
    assertThat(arg.name()).isEqualTo("customData");
    assertThat(arg.type().isAnnotated()).isTrue();
    assertThat(arg.doc()).isEqualTo("the <code>custom_data</code> the request body carries, or null to send none");
    assertThat(args.returns()).isEqualTo(TypeName.VOID);
  }

  @Test
  void aRequiredBodyIsTakenAsItIs() {
    BodyDef body = new BodyDef(BodyDef.Kind.JSON, new TypeRef.Named("CreatePart"), true, List.of());
    OperationArgs args = OperationArgs.of(Operations.post("CreatePart", "", body, Operations.WIDGET), Map.of());

    assertThat(args.body()).containsExactly(
        new OperationArgs.Arg(ClassName.get(Types.MODEL, "CreatePart"), "body", "the request body"));
    assertThat(args.returns()).isEqualTo(ClassName.get(Types.MODEL, "Widget"));
  }

  @Test
  void anEnumPathParameterListsItsValues() {
    ParamDef tag = new ParamDef("tag", "tag", new TypeRef.Named("Tag"), true, false, "");
    OperationDef op = new OperationDef("GetPhrase", "get", "GET", "/api/phrases/{tag}", "", List.of(tag),
        List.of(), null, null, Operations.WIDGET, false);
    Map<String, TypeDef> types = Map.of("Tag", new TypeDef.EnumDef("Tag", "#/tag", List.of("de", "en")));

    assertThat(OperationArgs.of(op, types).path().get(0).doc())
        .isEqualTo("the <code>tag</code> path parameter, one of <code>de</code>, <code>en</code>");
  }

  @Test
  void aCallPassesPathThenParamsThenBodyThenTheTail() {
    BodyDef body = new BodyDef(BodyDef.Kind.JSON, new TypeRef.Named("CreatePart"), true, List.of());
    OperationDef op = new OperationDef("CreatePart", "create", "POST", "/api/widgets/{id}/parts", "",
        List.of(Operations.path("id")), List.of(Operations.query("dryRun", "dryRun", false)),
        "CreatePartParams", body, Operations.WIDGET, false);
    OperationArgs args = OperationArgs.of(op, Map.of());

    assertThat(args.call(args.paramsArg(), List.of(CodeBlock.of("options"))).toString())
        .isEqualTo("id, params, body, options");
    assertThat(args.call(args.emptyParams(), List.of()).toString())
        .isEqualTo("id, io.logto.management.model.CreatePartParams.builder().build(), body");
  }
}

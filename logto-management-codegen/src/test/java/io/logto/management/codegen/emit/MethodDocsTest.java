package io.logto.management.codegen.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ResponseDef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facts a service method's Javadoc states, and only those. */
final class MethodDocsTest {
  @Test
  void theFirstSentenceIsTheSummaryElseTheOperationIdEndingWithAFullStop() {
    assertThat(MethodDocs.summary(Operations.post("CreatePart", "", null, Operations.WIDGET)))
        .isEqualTo("CreatePart.");
    assertThat(MethodDocs.summary(Operations.post("CreatePart", "Create a part", null, Operations.WIDGET)))
        .isEqualTo("Create a part.");
    assertThat(MethodDocs.summary(Operations.post("CreatePart", "Create a part.", null, Operations.WIDGET)))
        .isEqualTo("Create a part.");
  }

  @Test
  void everyMethodLinksItsPageOfTheReferenceByLowerCasedOperationId() {
    String doc = MethodDocs.of(Operations.post("CreatePart", "", null, Operations.WIDGET), List.of(), false, false)
        .toString();
    assertThat(doc).endsWith("@see <a href=\"https://openapi.logto.io/operation/operation-createpart\">"
        + "CreatePart in the Logto API reference</a>\n");
  }

  @Test
  void theSummaryAndPathReadLiterallyAndParametersKeepTheirOrder() {
    OperationDef op = Operations.post("CreatePart", "Add a part @ once */", null, Operations.WIDGET);
    List<OperationArgs.Arg> args = List.of(
        new OperationArgs.Arg(Types.STRING, "id", "the id"),
        new OperationArgs.Arg(Types.REQUEST_OPTIONS, "options", "per-request options"));

    String doc = MethodDocs.of(op, args, false, false).toString();

    assertThat(doc).startsWith("Add a part &#64; once &#42;/.\n\n<p><code>POST /api/widgets/&#123;id&#125;/parts</code>\n\n"
        + "@param id the id\n@param options per-request options\n@return the decoded response\n");
  }

  @Test
  void aBlockingCallWithoutAnswerReturnsNothingItsFutureCompletes() {
    assertThat(MethodDocs.returns(ResponseDef.Kind.NONE, false)).isNull();
    assertThat(MethodDocs.returns(ResponseDef.Kind.NONE, true)).isEqualTo("a future completing when the call succeeds");
    assertThat(MethodDocs.returns(ResponseDef.Kind.TEXT, false)).isEqualTo("the response body as text");
    String doc = MethodDocs.of(Operations.post("DeletePart", "", null, Operations.NO_ANSWER), List.of(), false, false)
        .toString();
    assertThat(doc).doesNotContain("@return");
  }

  @Test
  void onlyAPagerSaysWhichPagesItFetchesAndOnlyAnAsyncFormThatNoThreadWaits() {
    OperationDef op = Operations.listWidgets(false);
    String pager = MethodDocs.of(op, List.of(), true, false).toString();
    String call = MethodDocs.of(op, List.of(), false, false).toString();
    String async = MethodDocs.of(op, List.of(), false, true).toString();

    assertThat(pager).contains("every page, fetched lazily").doesNotContain("Asynchronous");
    assertThat(call).doesNotContain("every page").doesNotContain("Asynchronous");
    assertThat(async).contains("<p>Asynchronous: no thread waits").contains("@return a future of the decoded response");
  }
}

package io.logto.management.codegen.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A text named like an enum-valued path parameter takes that parameter's values; others keep theirs. */
final class PathEnumsTest {
  @Test
  void textsNamedLikeAnEnumPathParameterTakeItsValues() {
    StringSchema pathTag = new StringSchema();
    pathTag.setEnum(List.of("de", "en"));
    StringSchema queryTag = new StringSchema();
    StringSchema answeredTag = new StringSchema();
    StringSchema otherText = new StringSchema();
    ObjectSchema answer = new ObjectSchema();
    answer.addProperty("tag", answeredTag);
    answer.addProperty("name", otherText);
    Operation byPath = new Operation().addParametersItem(new Parameter().in("path").name("tag").schema(pathTag));
    Operation byQuery = new Operation()
        .addParametersItem(new Parameter().in("query").name("tag").schema(queryTag))
        .responses(new ApiResponses().addApiResponse("200", new ApiResponse()
            .content(new Content().addMediaType("application/json", new MediaType().schema(answer)))));
    OpenAPI api = new OpenAPI().paths(new Paths()
        .addPathItem("/phrases/{tag}", new PathItem().get(byPath))
        .addPathItem("/templates", new PathItem().get(byQuery)));

    PathEnums.apply(api);

    assertThat(queryTag.getEnum()).containsExactly("de", "en");
    assertThat(answeredTag.getEnum()).containsExactly("de", "en");
    assertThat(otherText.getEnum()).isNull();
  }
}

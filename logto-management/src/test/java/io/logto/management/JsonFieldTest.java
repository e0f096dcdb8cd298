package io.logto.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.JsonField;
import io.logto.management.model.UpdateUserRequest;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Absent, null and a value stay distinct through a plain ObjectMapper, both ways. */
final class JsonFieldTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void decodesAbsentNullAndValueDistinctlyAndWritesThemBackUnchanged() throws Exception {
    for (String json : new String[] {"{}", "{\"avatar\":null}", "{\"avatar\":\"https://a/b.png\"}"}) {
      UpdateUserRequest request = mapper.readValue(json, UpdateUserRequest.class);
      assertThat(mapper.writeValueAsString(request)).isEqualTo(json);
    }
    assertThat(mapper.readValue("{}", UpdateUserRequest.class).avatar().isAbsent()).isTrue();
    assertThat(mapper.readValue("{\"avatar\":null}", UpdateUserRequest.class).avatar().isNull()).isTrue();
    assertThat(mapper.readValue("{\"avatar\":\"x\"}", UpdateUserRequest.class).avatar().value()).contains("x");
  }

  @Test
  void aMissingComponentIsAbsentNotJavaNull() {
    UpdateUserRequest request = UpdateUserRequest.builder().build();
    assertThat(request.avatar()).isEqualTo(JsonField.absent());
    assertThat(new UpdateUserRequest(null, null, null, null, null, null, null, null).avatar().isAbsent()).isTrue();
  }

  @Test
  void factoriesAndAccessorsBehave() {
    // of(null) is the explicit null: only absent() leaves a property out
    assertThat(JsonField.of(null)).isEqualTo(JsonField.ofNull());
    assertThat(JsonField.of("a").value()).contains("a");
    assertThat(JsonField.<String>ofNull().orElse("d")).isEqualTo("d");
    assertThat(JsonField.of("a")).hasToString("JsonField[a]");
    assertThatThrownBy(() -> JsonField.ofNull().orElseThrow())
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("JsonField is null");
  }
}

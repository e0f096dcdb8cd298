package io.logto.management.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

final class DeserializerBlindIntrospectorTest {
  /** Decodes any object as the same fixed value, so which path decoded it shows. */
  static final class Fixed extends StdDeserializer<Named> {
    private static final long serialVersionUID = 1L;

    Fixed() {
      super(Named.class);
    }

    @Override
    public Named deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      parser.skipChildren();
      return new Named("fixed");
    }
  }

  @JsonDeserialize(using = Fixed.class)
  record Named(String name) {}

  @Test
  void theHiddenDeserializerIsNotUsedAndOthersStillAre() throws Exception {
    ObjectMapper seeing = JsonMapper.builder().build();
    ObjectMapper blind = JsonMapper.builder().annotationIntrospector(new DeserializerBlindIntrospector(Fixed.class))
        .build();
    ObjectMapper blindToAnother = JsonMapper.builder()
        .annotationIntrospector(new DeserializerBlindIntrospector(String.class)).build();

    assertThat(seeing.readValue("{\"name\":\"ann\"}", Named.class).name()).isEqualTo("fixed");
    assertThat(blind.readValue("{\"name\":\"ann\"}", Named.class).name()).isEqualTo("ann");
    assertThat(blindToAnother.readValue("{\"name\":\"ann\"}", Named.class).name()).isEqualTo("fixed");
  }
}

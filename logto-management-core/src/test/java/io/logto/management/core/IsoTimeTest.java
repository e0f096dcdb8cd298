package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.logto.management.core.internal.codec.IsoTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ISO-8601 text timestamps decode to the instant they name and encode back to the same text. */
final class IsoTimeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Stamped(
      @JsonProperty("at") @JsonSerialize(using = IsoTime.TextSerializer.class)
          @JsonDeserialize(using = IsoTime.TextDeserializer.class) Instant at) {}

  @Test
  void logtoTextRoundTripsToTheSameText() throws Exception {
    String wire = "{\"at\":\"2026-11-30T06:49:50.000Z\"}";
    Stamped s = JSON.readValue(wire, Stamped.class);
    assertThat(s.at()).isEqualTo(Instant.parse("2026-11-30T06:49:50Z"));
    assertThat(JSON.writeValueAsString(s)).isEqualTo(wire);
    String other = "{\"at\":\"2026-11-30T06:49:50.863Z\"}";
    assertThat(JSON.writeValueAsString(JSON.readValue(other, Stamped.class))).isEqualTo(other);
  }

  @Test
  void finerInstantsKeepTheirDigits() throws Exception {
    Stamped s = new Stamped(Instant.parse("2026-11-30T06:49:50.863123Z"));
    assertThat(JSON.writeValueAsString(s)).isEqualTo("{\"at\":\"2026-11-30T06:49:50.863123Z\"}");
  }

  @Test
  void badTextAndNumbersAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> JSON.readValue("{\"at\":\"yesterday\"}", Stamped.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("yesterday");
    assertThatThrownBy(() -> JSON.readValue("{\"at\":1764485390863}", Stamped.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("ISO-8601");
  }
}

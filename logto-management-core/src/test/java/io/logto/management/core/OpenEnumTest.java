package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class OpenEnumTest {
  /** Shaped like a generated enumeration. */
  static final class Shade extends OpenEnum<Shade.Known> {
    static final Shade LIGHT = new Shade("light", Known.LIGHT);
    static final Shade DARK = new Shade("dark", Known.DARK);
    private static final List<Shade> KNOWN_VALUES = List.of(LIGHT, DARK);

    private Shade(String value, Known known) {
      super(value, known);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Shade fromValue(String value) {
      return find(KNOWN_VALUES, value, text -> new Shade(text, Known.UNKNOWN));
    }

    enum Known { LIGHT, DARK, UNKNOWN }
  }

  /** Another enumeration with an overlapping wire value. */
  static final class Tone extends OpenEnum<Tone.Known> {
    static final Tone LIGHT = new Tone("light", Known.LIGHT);

    private Tone(String value, Known known) {
      super(value, known);
    }

    enum Known { LIGHT, UNKNOWN }
  }

  record Theme(Shade shade) {}

  @Test
  void knownValuesAreTheConstantsAndUnknownOnesKeepTheirText() {
    assertThat(Shade.fromValue("dark")).isSameAs(Shade.DARK);
    assertThat(Shade.DARK.known()).isEqualTo(Shade.Known.DARK);
    assertThat(Shade.DARK.isKnown()).isTrue();

    Shade dim = Shade.fromValue("dim");
    assertThat(dim.value()).isEqualTo("dim");
    assertThat(dim).hasToString("dim");
    assertThat(dim.known()).isEqualTo(Shade.Known.UNKNOWN);
    assertThat(dim.isKnown()).isFalse();
    assertThat(dim).isEqualTo(Shade.fromValue("dim")).hasSameHashCodeAs(Shade.fromValue("dim"))
        .isNotEqualTo(Shade.DARK);
    assertThat(Shade.LIGHT).isNotEqualTo(Tone.LIGHT);
    assertThatThrownBy(() -> Shade.fromValue(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
  }

  @Test
  void jacksonReadsAndWritesTheWireValueKnownOrNot() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Theme known = mapper.readValue("{\"shade\":\"light\"}", Theme.class);
    Theme newer = mapper.readValue("{\"shade\":\"ultraviolet\"}", Theme.class);

    assertThat(known.shade()).isSameAs(Shade.LIGHT);
    assertThat(newer.shade().known()).isEqualTo(Shade.Known.UNKNOWN);
    assertThat(mapper.writeValueAsString(newer)).isEqualTo("{\"shade\":\"ultraviolet\"}");
    assertThat(mapper.writeValueAsString(Map.of("s", Shade.DARK))).isEqualTo("{\"s\":\"dark\"}");
  }
}

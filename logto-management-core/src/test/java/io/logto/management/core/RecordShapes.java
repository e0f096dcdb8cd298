package io.logto.management.core;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.logto.management.core.internal.codec.EpochTime;
import io.logto.management.core.internal.codec.RecordDecoder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Records shaped like the generated model, decoded by {@link RecordDecoder}: one component of each kind. */
final class RecordShapes {
  private RecordShapes() {}

  /** An open enumeration as the generator writes one. */
  static final class Shade extends OpenEnum<Shade.Known> {
    static final Shade LIGHT = new Shade("light", Known.LIGHT);
    private static final List<Shade> KNOWN_VALUES = List.of(LIGHT);

    private Shade(String value, Known known) {
      super(value, known);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Shade fromValue(String value) {
      return find(KNOWN_VALUES, value, text -> new Shade(text, Known.UNKNOWN));
    }

    enum Known { LIGHT, UNKNOWN }
  }

  /** Every kind of component the generator emits, and a catch-all. */
  @JsonDeserialize(using = RecordDecoder.class)
  record Every(
      @JsonProperty("id") String id,
      @JsonProperty("flag") boolean flag,
      @JsonProperty("count") int count,
      @JsonProperty("total") long total,
      @JsonProperty("boxed") @Nullable Integer boxed,
      @JsonProperty("big") @Nullable Long big,
      @JsonProperty("yes") @Nullable Boolean yes,
      @JsonProperty("amount") @Nullable BigDecimal amount,
      @JsonProperty("at") @JsonDeserialize(using = EpochTime.MillisDeserializer.class) @Nullable Instant at,
      @JsonProperty("note") JsonField<String> note,
      @JsonProperty("expiresAt") @JsonDeserialize(contentUsing = EpochTime.MillisDeserializer.class)
          JsonField<Instant> expiresAt,
      @JsonProperty("tags") @Nullable List<String> tags,
      @JsonProperty("times") @JsonDeserialize(contentUsing = EpochTime.SecondsDeserializer.class)
          @Nullable List<Instant> times,
      @JsonProperty("byName") @Nullable Map<String, Inner> byName,
      @JsonProperty("data") @Nullable JsonNode data,
      @JsonProperty("shade") @Nullable Shade shade,
      @JsonProperty("inner") @Nullable Inner inner,
      @JsonAnySetter Map<String, JsonNode> additionalProperties) {}

  /** A nested record with its own catch-all. */
  @JsonDeserialize(using = RecordDecoder.class)
  record Inner(@JsonProperty("a") @Nullable String a, @JsonAnySetter Map<String, JsonNode> additionalProperties) {}

  /** No catch-all: unknown properties go to the mapper's unknown-property handling. */
  @JsonDeserialize(using = RecordDecoder.class)
  record Closed(@JsonProperty("a") @Nullable String a, @JsonProperty("n") int n) {}

  /** A record that contains itself. */
  @JsonDeserialize(using = RecordDecoder.class)
  record Tree(@JsonProperty("name") @Nullable String name, @JsonProperty("children") @Nullable List<Tree> children) {}

  /** A compact constructor that rejects a missing property, as generated request records do. */
  @JsonDeserialize(using = RecordDecoder.class)
  record Checked(@JsonProperty("name") String name) {
    Checked {
      Objects.requireNonNull(name, "name == null");
    }
  }
}

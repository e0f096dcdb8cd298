package io.logto.management.core.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * {@link Instant} as the ISO-8601 text Logto sends where a timestamp comes from JavaScript's
 * {@code Date.toISOString()} (MFA verifications' {@code createdAt} and {@code lastUsedAt}), beside
 * the epoch numbers of {@link EpochTime}. A whole-millisecond instant is written with exactly three
 * fraction digits, as Logto writes it, so a decoded value encodes back to the same text; a finer
 * instant keeps its digits rather than being rounded.
 */
public final class IsoTime {
  private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

  private IsoTime() {}

  /** Writes an {@link Instant} as ISO-8601 text in UTC. */
  public static final class TextSerializer extends StdScalarSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** Creates the serializer; Jackson calls this. */
    public TextSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.getNano() % 1_000_000 == 0 ? MILLIS.format(value) : value.toString());
    }
  }

  /** Reads ISO-8601 text as an {@link Instant}. */
  public static final class TextDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public TextDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(
            Instant.class, p.currentToken(), p, "expected ISO-8601 text for an Instant");
      }
      String text = p.getText();
      try {
        return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
      } catch (DateTimeParseException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
      }
    }
  }
}

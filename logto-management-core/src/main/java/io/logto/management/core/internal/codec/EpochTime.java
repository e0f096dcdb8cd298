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

/**
 * {@link Instant} as the JSON integer Logto sends: epoch milliseconds for entity timestamps
 * ({@code createdAt}, {@code expiresAt}), epoch seconds where Logto counts seconds (OIDC key
 * {@code createdAt}). An instant decoded from an integer encodes back to the same integer; a
 * fraction or text is rejected rather than rounded, so nothing is silently lost.
 */
public final class EpochTime {
  private EpochTime() {}

  private static Instant read(JsonParser p, DeserializationContext ctxt, boolean seconds) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      return (Instant)
          ctxt.handleUnexpectedToken(
              Instant.class, p.currentToken(), p,
              "expected an integer epoch %s for an Instant", seconds ? "seconds" : "milliseconds");
    }
    long n = p.getLongValue();
    return seconds ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
  }

  /** Writes an {@link Instant} as epoch milliseconds. */
  public static final class MillisSerializer extends StdScalarSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** Creates the serializer; Jackson calls this. */
    public MillisSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeNumber(value.toEpochMilli());
    }
  }

  /** Reads epoch milliseconds as an {@link Instant}. */
  public static final class MillisDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public MillisDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return read(p, ctxt, false);
    }
  }

  /** Writes an {@link Instant} as epoch seconds. */
  public static final class SecondsSerializer extends StdScalarSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** Creates the serializer; Jackson calls this. */
    public SecondsSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeNumber(value.getEpochSecond());
    }
  }

  /** Reads epoch seconds as an {@link Instant}. */
  public static final class SecondsDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer; Jackson calls this. */
    public SecondsDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return read(p, ctxt, true);
    }
  }
}

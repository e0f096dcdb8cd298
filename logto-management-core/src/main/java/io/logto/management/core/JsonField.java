package io.logto.management.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A JSON property that is either absent, explicitly {@code null}, or holds a value.
 *
 * <p>Generated request and response records use it for optional properties whose schema allows
 * {@code null}, where "leave unchanged" (absent) and "clear" ({@code null}) mean different things to
 * Logto, as in a PATCH body: {@code JsonField.ofNull()} (or {@code JsonField.of(null)}) sends
 * {@code "avatar": null}, {@code JsonField.absent()} leaves the property out of the JSON. Only
 * {@link #absent()} leaves a property out: every other factory sends what it is given, so copying
 * a value read from a model into a request sends exactly what was read. The (de)serializers are attached to the
 * class, so any {@code ObjectMapper} handles it without registering a module; the record component
 * must carry {@code @JsonInclude(JsonInclude.Include.NON_EMPTY)} (the generator adds it) so that an
 * absent field is skipped.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the type of the value
 */
@JsonSerialize(using = JsonField.Serializer.class)
@JsonDeserialize(using = JsonField.Deserializer.class)
public final class JsonField<T> {
  private static final JsonField<?> ABSENT = new JsonField<>(State.ABSENT, null);
  private static final JsonField<?> NULL = new JsonField<>(State.NULL, null);

  private enum State {
    ABSENT,
    NULL,
    VALUE
  }

  private final State state;
  private final @Nullable T value;

  private JsonField(State state, @Nullable T value) {
    this.state = state;
    this.value = value;
  }

  /**
   * Returns the field that is left out of the JSON.
   *
   * @param <T> the value type
   * @return the shared absent instance
   */
  @SuppressWarnings("unchecked")
  public static <T> JsonField<T> absent() {
    return (JsonField<T>) ABSENT;
  }

  /**
   * Returns the field that is written as JSON {@code null}.
   *
   * @param <T> the value type
   * @return the shared explicit-null instance
   */
  @SuppressWarnings("unchecked")
  public static <T> JsonField<T> ofNull() {
    return (JsonField<T>) NULL;
  }

  /**
   * Returns a field holding {@code value}, or the explicit {@code null} when {@code value} is
   * {@code null}: a value read from a model and passed back here is sent exactly as it was read.
   *
   * @param value the value, or {@code null} to send JSON {@code null}
   * @param <T> the value type
   * @return a present field, or {@link #ofNull()}
   */
  public static <T> JsonField<T> of(@Nullable T value) {
    return value == null ? ofNull() : new JsonField<>(State.VALUE, value);
  }

  /**
   * Tells whether the property is left out of the JSON.
   *
   * @return {@code true} when absent
   */
  public boolean isAbsent() {
    return state == State.ABSENT;
  }

  /**
   * Tells whether the property is explicitly {@code null}.
   *
   * @return {@code true} when explicitly null
   */
  public boolean isNull() {
    return state == State.NULL;
  }

  /**
   * Tells whether the property holds a value.
   *
   * @return {@code true} when a value is present
   */
  public boolean isPresent() {
    return state == State.VALUE;
  }

  /**
   * Returns the value when present.
   *
   * @return the value, if any (empty when absent or null)
   */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /**
   * Returns the value, failing when absent or null.
   *
   * @return the value
   * @throws NoSuchElementException when the field holds no value
   */
  public T orElseThrow() {
    if (value == null) {
      throw new NoSuchElementException("JsonField is " + (isAbsent() ? "absent" : "null"));
    }
    return value;
  }

  /**
   * Returns the value or {@code other} when absent or null.
   *
   * @param other the fallback
   * @return the value or the fallback
   */
  public @Nullable T orElse(@Nullable T other) {
    return value == null ? other : value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonField<?> that && state == that.state && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, value);
  }

  @Override
  public String toString() {
    return switch (state) {
      case ABSENT -> "JsonField.absent";
      case NULL -> "JsonField.null";
      case VALUE -> "JsonField[" + value + "]";
    };
  }

  /** Writes the value, or {@code null}; an absent field is reported empty so it is skipped. */
  @SuppressWarnings("rawtypes")
  public static final class Serializer extends StdSerializer<JsonField> implements ContextualSerializer {
    private static final long serialVersionUID = 1L;
    private final transient @Nullable JsonSerializer<Object> content;

    /** Creates the serializer; Jackson calls this. */
    public Serializer() {
      this(null);
    }

    private Serializer(@Nullable JsonSerializer<Object> content) {
      super(JsonField.class);
      this.content = content;
    }

    // the component's @JsonSerialize(contentUsing = ...) writes the value (an epoch Instant, say)
    @Override
    public JsonSerializer<?> createContextual(SerializerProvider provider, @Nullable BeanProperty property)
        throws JsonMappingException {
      if (property == null) {
        return this;
      }
      JsonSerialize annotation = property.getAnnotation(JsonSerialize.class);
      if (annotation == null || annotation.contentUsing() == JsonSerializer.None.class) {
        return this;
      }
      return new Serializer(provider.serializerInstance(property.getMember(), annotation.contentUsing()));
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, JsonField field) {
      return field == null || field.isAbsent();
    }

    @Override
    public void serialize(JsonField field, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (field.value == null) {
        gen.writeNull();
      } else if (content != null) {
        content.serialize(field.value, gen, provider);
      } else {
        provider.defaultSerializeValue(field.value, gen);
      }
    }
  }

  /** Reads {@code null} as {@link #ofNull()}, a missing property as {@link #absent()}. */
  public static final class Deserializer extends JsonDeserializer<JsonField<?>>
      implements ContextualDeserializer {
    private final JavaType valueType;
    private final @Nullable JsonDeserializer<?> content;

    /** Creates the deserializer for an unknown value type; Jackson calls this. */
    public Deserializer() {
      this(TypeFactory.unknownType(), null);
    }

    private Deserializer(JavaType valueType, @Nullable JsonDeserializer<?> content) {
      this.valueType = valueType;
      this.content = content;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
        throws JsonMappingException {
      JavaType type = ctxt.getContextualType();
      if (type == null && property != null) {
        type = property.getType();
      }
      if (type == null || type.containedTypeCount() != 1) {
        return this;
      }
      // the component's @JsonDeserialize(contentUsing = ...) reads the value (an epoch Instant, say)
      JsonDeserializer<?> content = null;
      JsonDeserialize annotation = property == null ? null : property.getAnnotation(JsonDeserialize.class);
      if (property != null && annotation != null && annotation.contentUsing() != JsonDeserializer.None.class) {
        content = ctxt.deserializerInstance(property.getMember(), annotation.contentUsing());
      }
      return new Deserializer(type.containedType(0), content);
    }

    @Override
    public JsonField<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object value = content != null ? content.deserialize(p, ctxt) : ctxt.readValue(p, valueType);
      return value == null ? ofNull() : of(value);
    }

    @Override
    public JsonField<?> getNullValue(DeserializationContext ctxt) {
      return ofNull();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return absent();
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) {
      return absent();
    }
  }
}

package io.logto.management.core.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.ClassUtil;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a record by streaming its JSON object straight into the canonical constructor's arguments,
 * instead of Jackson's property-based creator path (which buffers every property, resolves a value for
 * each absent one on every object and allocates a map for a catch-all parameter whether or not an
 * unknown property arrives). The generated model records name it in {@code @JsonDeserialize(using =
 * ...)}, so it works with any {@code ObjectMapper}.
 *
 * <p>What a record component receives is what Jackson's creator path gives it: the component's own
 * deserializer (a component-level {@code @JsonDeserialize(using = ...)}, else what the mapper finds
 * for its type, contextualised with the component, so {@code JsonField}'s absent/null, open enums,
 * collections, nested records and {@code JsonNode} decode as before), the deserializer's null value
 * for JSON {@code null}, its absent value for a missing property, and every property the record does
 * not name in the {@code @JsonAnySetter} component (a map made only when one arrives, in arrival
 * order, a repeated name keeping its first value), or to the mapper's unknown-property handling once
 * the record is built when it has none. A failing value is reported with the property's path, as
 * Jackson does; a text where the record's object belongs is refused naming the type and the token,
 * without the quote of the text Jackson's message carries. {@code RecordDecoderEquivalenceTest} holds
 * the two paths equal. Not applied, as no generated record uses them: {@code @JsonSetter(nulls = ...)}
 * and setter-info config overrides, {@code @JsonAlias}, {@code @JacksonInject}, {@code @JsonIgnore} and
 * {@code @JsonIgnoreProperties}, and type ids (polymorphic handling) of component values.
 *
 * <p>Jackson instantiates this class from the annotation and contextualises it with the record type;
 * the decoder per type is cached (in the instance Jackson caches per type) and builds its component
 * table when contextualised, as Jackson builds a bean deserializer (so a caller that prepares a
 * decoder ahead, while waiting for a token, say, also builds the tables). Thread-safe.
 */
public final class RecordDecoder extends StdDeserializer<Object> implements ContextualDeserializer {
  private static final long serialVersionUID = 1L;

  /** The record type this decoder is contextualised for; null for the annotation's unbound instance. */
  private final @Nullable JavaType recordType;
  // the instance Jackson makes from the annotation hands out one decoder per record type
  private transient volatile @Nullable RecordDecoder typed;
  // built at contextualisation; a record that contains itself (directly or through another record)
  // meets this decoder again while its table is being built, and then leaves it to be finished
  private transient volatile @Nullable RecordReader reader;
  private transient volatile boolean building;

  /** Creates the decoder Jackson contextualises per record type; Jackson calls this. */
  public RecordDecoder() {
    super(Object.class);
    this.recordType = null;
  }

  private RecordDecoder(JavaType recordType) {
    super(recordType);
    this.recordType = recordType;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property)
      throws JsonMappingException {
    if (recordType != null) {
      return this;
    }
    JavaType type = ctxt.getContextualType();
    if (type == null && property != null) {
      type = property.getType();
    }
    if (type == null) {
      return this;
    }
    RecordDecoder decoder = typed;
    if (decoder == null || !type.equals(decoder.recordType)) {
      decoder = new RecordDecoder(type);
      typed = decoder;
    }
    decoder.prepare(type, ctxt);
    return decoder;
  }

  // builds the table unless it is built or being built (by this thread, met again through a cycle, or
  // by another one: then the first decode builds it if it is still missing)
  private void prepare(JavaType type, DeserializationContext ctxt) throws JsonMappingException {
    if (reader != null || building) {
      return;
    }
    building = true;
    try {
      reader = RecordReader.of(type, ctxt);
    } finally {
      building = false;
    }
  }

  @Override
  public @Nullable Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    RecordReader r = reader(ctxt);
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      return r.read(p.nextFieldName(), p, ctxt, this);
    }
    if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT) {
      // Jackson hands over an object whose first name it has read (after a type id, say)
      return r.read(p.currentName(), p, ctxt, this);
    }
    if (t == JsonToken.START_ARRAY) {
      return fromArray(p, ctxt);
    }
    if (t == JsonToken.VALUE_STRING && p.getText().isBlank()) {
      // Jackson's coercion of an empty or blank text (null with ACCEPT_EMPTY_STRING_AS_NULL_OBJECT);
      // any other text is refused below, without the quote Jackson's message would carry
      return _deserializeFromString(p, ctxt);
    }
    // names the type and the token, never the text
    return ctxt.handleUnexpectedToken(getValueType(ctxt), p);
  }

  // what Jackson's bean deserializer does with an array: an empty one by the coercion rules, one
  // element when UNWRAP_SINGLE_VALUE_ARRAYS is on (never a nested array), anything else is an error
  private @Nullable Object fromArray(JsonParser p, DeserializationContext ctxt) throws IOException {
    CoercionAction emptyArray = _findCoercionFromEmptyArray(ctxt);
    boolean unwrap = ctxt.isEnabled(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
    if (unwrap || emptyArray != CoercionAction.Fail) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.END_ARRAY) {
        return switch (emptyArray) {
          case AsEmpty -> getEmptyValue(ctxt);
          case AsNull, TryConvert -> getNullValue(ctxt);
          default -> ctxt.handleUnexpectedToken(getValueType(ctxt), JsonToken.START_ARRAY, p, null);
        };
      }
      if (unwrap) {
        if (first == JsonToken.START_ARRAY) {
          return ctxt.handleUnexpectedToken(
              getValueType(ctxt), JsonToken.START_ARRAY, p,
              "Cannot deserialize value of type %s from deeply-nested Array: only single wrapper allowed with `%s`",
              ClassUtil.getTypeDescription(getValueType(ctxt)), "DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS");
        }
        Object value = deserialize(p, ctxt);
        if (p.nextToken() != JsonToken.END_ARRAY) {
          handleMissingEndArrayForSingle(p, ctxt);
        }
        return value;
      }
    }
    return ctxt.handleUnexpectedToken(getValueType(ctxt), p);
  }

  private RecordReader reader(DeserializationContext ctxt) throws IOException {
    RecordReader r = reader;
    if (r == null) {
      if (recordType == null) {
        return ctxt.reportBadDefinition(
            getValueType(ctxt), "RecordDecoder used without a record type (not contextualised)");
      }
      // only when contextualisation met it mid-build on another thread; two tables built at once are
      // equal, the last one stays
      r = RecordReader.of(recordType, ctxt);
      reader = r;
    }
    return r;
  }

  @Override
  public boolean isCachable() {
    return true;
  }

  @Override
  public LogicalType logicalType() {
    return LogicalType.POJO;
  }

  @Override
  public @Nullable Collection<Object> getKnownPropertyNames() {
    RecordReader r = reader;
    return r == null ? null : List.copyOf(r.names());
  }
}

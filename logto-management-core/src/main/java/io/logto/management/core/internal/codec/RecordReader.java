package io.logto.management.core.internal.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyMetadata;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.AnnotatedConstructor;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.util.ClassUtil;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The component table of one record type and the loop that decodes its JSON object: built once per
 * type by {@link RecordDecoder}, immutable afterwards, thread-safe.
 */
final class RecordReader {
  // the features that change what a missing or null component receives: with any of them on,
  // every missing component is resolved per object, as Jackson's creator buffer does
  private static final int EXACT_FEATURES =
      DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES.getMask()
          | DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES.getMask()
          | DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES.getMask();

  private final JavaType type;
  private final Constructor<?> constructor;
  private final Component[] components;
  private final Map<String, Integer> index;
  // with ACCEPT_CASE_INSENSITIVE_PROPERTIES, Jackson matches names lower-cased in the mapper's locale
  private final @Nullable Locale caseInsensitive;
  private final int catchAll;
  // what each component receives when its property is missing, for the features below
  private final Object[] absent;
  private final int features;
  private final boolean exact;

  /** One constructor parameter: its JSON name, what decodes it and what Jackson knows of it. */
  private record Component(
      String name, BeanProperty property, JsonDeserializer<Object> values, boolean primitive, boolean required) {}

  private RecordReader(
      JavaType type,
      Constructor<?> constructor,
      Component[] components,
      int catchAll,
      DeserializationContext ctxt) {
    this.type = type;
    this.constructor = constructor;
    this.components = components;
    this.catchAll = catchAll;
    this.caseInsensitive =
        ctxt.isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES) ? ctxt.getConfig().getLocale() : null;
    this.index = new HashMap<>();
    for (int i = 0; i < components.length; i++) {
      if (i != catchAll) {
        String name = components[i].name();
        index.put(caseInsensitive == null ? name : name.toLowerCase(caseInsensitive), i);
      }
    }
    this.features = ctxt.getDeserializationFeatures();
    Object[] values = new Object[components.length];
    boolean stable = (features & EXACT_FEATURES) == 0;
    for (int i = 0; i < components.length && stable; i++) {
      Component c = components[i];
      if (i == catchAll) {
        continue;
      }
      if (c.required()) {
        stable = false;
        break;
      }
      try {
        Object value = missing(i, ctxt);
        // a deserializer may give a fresh object per call (an empty mutable collection): then it is
        // asked per object, never shared between records
        stable = value == missing(i, ctxt);
        values[i] = value;
      } catch (IOException e) {
        stable = false;
      }
    }
    this.absent = values;
    this.exact = !stable;
  }

  /** Reads the record's components, its canonical constructor and their deserializers. */
  static RecordReader of(JavaType type, DeserializationContext ctxt) throws JsonMappingException {
    Class<?> raw = type.getRawClass();
    if (!raw.isRecord()) {
      return ctxt.reportBadDefinition(type, "RecordDecoder decodes records, not " + ClassUtil.nameOf(raw));
    }
    DeserializationConfig config = ctxt.getConfig();
    RecordComponent[] recordComponents = raw.getRecordComponents();
    AnnotatedConstructor canonical = canonical(config, type, recordComponents);
    if (canonical == null) {
      return ctxt.reportBadDefinition(type, "no canonical constructor found in " + ClassUtil.nameOf(raw));
    }
    ClassUtil.checkAndFixAccess(
        canonical.getAnnotated(), config.isEnabled(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS));
    AnnotationIntrospector introspector = ctxt.getAnnotationIntrospector();
    Component[] components = new Component[recordComponents.length];
    int catchAll = -1;
    for (int i = 0; i < components.length; i++) {
      AnnotatedParameter parameter = canonical.getParameter(i);
      String name = name(introspector, parameter, recordComponents[i]);
      boolean required = Boolean.TRUE.equals(introspector.hasRequiredMarker(parameter));
      JavaType valueType = introspector.refineDeserializationType(config, parameter, parameter.getType());
      if (valueType.isContainerType()) {
        // what Jackson's bean factory does for @JsonDeserialize(contentUsing = ...) on a list or map
        Object content = introspector.findContentDeserializer(parameter);
        if (content != null) {
          valueType = valueType.withContentValueHandler(ctxt.deserializerInstance(parameter, content));
        }
      }
      BeanProperty property =
          new BeanProperty.Std(
              PropertyName.construct(name),
              valueType,
              null,
              parameter,
              required ? PropertyMetadata.STD_REQUIRED : PropertyMetadata.STD_OPTIONAL);
      if (Boolean.TRUE.equals(introspector.hasAnySetter(parameter))) {
        if (catchAll >= 0 || valueType.getRawClass() != Map.class) {
          return ctxt.reportBadDefinition(
              type, "RecordDecoder needs one @JsonAnySetter component of type Map in " + ClassUtil.nameOf(raw));
        }
        catchAll = i;
        // the component holds what decodes one unknown property's value
        components[i] =
            new Component(
                name, property, ctxt.findContextualValueDeserializer(valueType.getContentType(), property), false, false);
        continue;
      }
      Object using = introspector.findDeserializer(parameter);
      JsonDeserializer<Object> values;
      if (using == null) {
        values = ctxt.findContextualValueDeserializer(valueType, property);
      } else {
        @SuppressWarnings("unchecked")
        JsonDeserializer<Object> own =
            (JsonDeserializer<Object>)
                ctxt.handlePrimaryContextualization(ctxt.deserializerInstance(parameter, using), property, valueType);
        values = own;
      }
      components[i] = new Component(name, property, values, valueType.isPrimitive(), required);
    }
    return new RecordReader(type, canonical.getAnnotated(), components, catchAll, ctxt);
  }

  private static @Nullable AnnotatedConstructor canonical(
      DeserializationConfig config, JavaType type, RecordComponent[] recordComponents) {
    // a loop, not a stream: no lambda classes to load on a cold first call
    Class<?>[] types = new Class<?>[recordComponents.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = recordComponents[i].getType();
    }
    for (AnnotatedConstructor candidate : config.introspect(type).getClassInfo().getConstructors()) {
      if (Arrays.equals(candidate.getAnnotated().getParameterTypes(), types)) {
        return candidate;
      }
    }
    return null;
  }

  // an explicit @JsonProperty name, else the component's name
  private static String name(AnnotationIntrospector introspector, AnnotatedParameter parameter, RecordComponent rc) {
    PropertyName explicit = introspector.findNameForDeserialization(parameter);
    return explicit != null && explicit.hasSimpleName() ? explicit.getSimpleName() : rc.getName();
  }

  /** Returns the JSON names of the components, the catch-all excluded. */
  List<String> names() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      if (i != catchAll) {
        names.add(components[i].name());
      }
    }
    return names;
  }

  /**
   * Decodes the object whose first property name is {@code name} (null for an empty object), leaving
   * the parser at its {@code END_OBJECT}.
   */
  Object read(@Nullable String name, JsonParser p, DeserializationContext ctxt, RecordDecoder decoder)
      throws IOException {
    Object[] args = absent.clone();
    boolean[] seen = exact || ctxt.getDeserializationFeatures() != features ? new boolean[args.length] : null;
    Map<String, Object> extra = null;
    TokenBuffer unknown = null;
    int next = 0;
    for (String n = name; n != null; n = p.nextFieldName()) {
      JsonToken t = p.nextToken();
      int i = find(n, next);
      if (i >= 0) {
        args[i] = value(components[i], t, p, ctxt);
        if (seen != null) {
          seen[i] = true;
        }
        next = i + 1;
      } else if (catchAll >= 0) {
        if (extra == null) {
          extra = new LinkedHashMap<>();
        }
        Object value = extra(n, components[catchAll].values(), t, p, ctxt);
        // a repeated unknown name keeps its first value, as Jackson's creator path does
        if (!extra.containsKey(n)) {
          extra.put(n, value);
        }
      } else {
        // kept aside and handed to the mapper's unknown-property handling once the record is built,
        // as Jackson does: a wrong known property is reported before an unknown one
        if (unknown == null) {
          unknown = ctxt.bufferForInputBuffering(p);
        }
        unknown.writeFieldName(n);
        unknown.copyCurrentStructure(p);
      }
    }
    if (catchAll >= 0) {
      args[catchAll] = extra == null ? Map.of() : extra;
    }
    if (seen != null) {
      if (catchAll >= 0) {
        seen[catchAll] = extra != null;
      }
      resolveMissing(args, seen, ctxt);
    }
    Object record = construct(args, p, ctxt);
    if (unknown != null) {
      handleUnknown(unknown, record, p, ctxt, decoder);
    }
    return record;
  }

  private static void handleUnknown(
      TokenBuffer unknown, Object record, JsonParser p, DeserializationContext ctxt, RecordDecoder decoder)
      throws IOException {
    unknown.writeEndObject();
    try (JsonParser buffered = unknown.asParser(p)) {
      while (buffered.nextToken() == JsonToken.FIELD_NAME) {
        String name = buffered.currentName();
        buffered.nextToken();
        ctxt.handleUnknownProperty(buffered, decoder, record, name);
      }
    }
  }

  // properties mostly come in the order of the components: try the one after the last match first
  private int find(String name, int guess) {
    if (guess < components.length && guess != catchAll && name.equals(components[guess].name())) {
      return guess;
    }
    Integer i = index.get(caseInsensitive == null ? name : name.toLowerCase(caseInsensitive));
    return i == null ? -1 : i;
  }

  private Object value(Component c, JsonToken t, JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonDeserializer<Object> values = c.values();
    try {
      if (t == JsonToken.VALUE_NULL) {
        return values.getNullValue(ctxt);
      }
      Object value = values.deserialize(p, ctxt);
      // a deserializer may read a value as null (an empty text, say): the component's null then
      return value != null ? value : values.getNullValue(ctxt);
    } catch (Exception e) {
      throw withPath(e, c.name(), ctxt);
    }
  }

  private Object extra(String name, JsonDeserializer<Object> values, JsonToken t, JsonParser p, DeserializationContext ctxt)
      throws IOException {
    try {
      return t == JsonToken.VALUE_NULL ? values.getNullValue(ctxt) : values.deserialize(p, ctxt);
    } catch (Exception e) {
      throw withPath(e, name, ctxt);
    }
  }

  // what Jackson's creator buffer does for a parameter whose property did not arrive
  private @Nullable Object missing(int i, DeserializationContext ctxt) throws IOException {
    Component c = components[i];
    JsonDeserializer<Object> values = c.values();
    if (ctxt.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)) {
      failMissing(i, ctxt);
    }
    try {
      if (!c.primitive()) {
        Object value = values.getAbsentValue(ctxt);
        if (value != null) {
          return value;
        }
      }
      if (c.required()) {
        ctxt.reportInputMismatch(c.property(), "Missing required creator property '%s' (index %d)", c.name(), i);
      }
      return values.getAbsentValue(ctxt);
    } catch (DatabindException e) {
      e.prependPath(type.getRawClass(), c.name());
      throw e;
    }
  }

  private void failMissing(int i, DeserializationContext ctxt) throws IOException {
    ctxt.reportInputMismatch(
        components[i].property(),
        "Missing creator property '%s' (index %d); `DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES` enabled",
        components[i].name(),
        i);
  }

  private void resolveMissing(Object[] args, boolean[] seen, DeserializationContext ctxt) throws IOException {
    for (int i = 0; i < args.length; i++) {
      if (seen[i]) {
        continue;
      }
      if (i != catchAll) {
        args[i] = missing(i, ctxt);
      } else if (ctxt.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)) {
        // Jackson counts a catch-all that received nothing as a missing creator property
        failMissing(i, ctxt);
      }
    }
    if (ctxt.isEnabled(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] == null && i != catchAll) {
          ctxt.reportInputMismatch(
              components[i].property(),
              "Null value for creator property '%s' (index %d); `DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES` enabled",
              components[i].name(),
              i);
        }
      }
    }
  }

  private Object construct(Object[] args, JsonParser p, DeserializationContext ctxt) throws IOException {
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException | IllegalAccessException | InstantiationException | IllegalArgumentException e) {
      Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
      ClassUtil.throwIfError(cause);
      // the message of what the constructor threw (a compact constructor's check), as Jackson words it
      JsonMappingException problem =
          cause instanceof JsonMappingException m
              ? m
              : ValueInstantiationException.from(
                  p,
                  String.format(
                      "Cannot construct instance of %s, problem: %s",
                      ClassUtil.nameOf(type.getRawClass()),
                      ClassUtil.exceptionMessage(cause)),
                  type,
                  cause);
      return ctxt.handleInstantiationProblem(type.getRawClass(), args, problem);
    }
  }

  // Jackson's wrapping of a failed property: the path gains the property, unless wrapping is off
  private IOException withPath(Exception e, String name, DeserializationContext ctxt) throws IOException {
    Throwable t = e;
    while (t instanceof InvocationTargetException && t.getCause() != null) {
      t = t.getCause();
    }
    ClassUtil.throwIfError(t);
    boolean wrap = ctxt.isEnabled(DeserializationFeature.WRAP_EXCEPTIONS);
    if (t instanceof IOException io) {
      if (!wrap || !(t instanceof JacksonException)) {
        throw io;
      }
    } else if (!wrap) {
      ClassUtil.throwIfRTE(t);
    }
    return JsonMappingException.wrapWithPath(t, type.getRawClass(), name);
  }
}

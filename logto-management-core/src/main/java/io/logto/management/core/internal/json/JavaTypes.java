package io.logto.management.core.internal.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Resolves answer types to Jackson's {@link JavaType} once per class: resolving walks Jackson's type
 * factory, which a call would otherwise do every time. Entries are held weakly, per class.
 */
public final class JavaTypes {
  private final ObjectMapper mapper;
  private final ClassValue<JavaType> classTypes = new ClassValue<>() {
    @Override
    protected JavaType computeValue(Class<?> type) {
      return mapper.constructType(type);
    }
  };
  private final ClassValue<Resolved> referenceTypes = new ClassValue<>() {
    @Override
    protected Resolved computeValue(Class<?> referenceClass) {
      if (!(referenceClass.getGenericSuperclass() instanceof ParameterizedType parameterized)) {
        return new Resolved(null, null); // never matches: such references are resolved per call
      }
      Type type = parameterized.getActualTypeArguments()[0];
      return new Resolved(type, mapper.constructType(type));
    }
  };

  /**
   * Creates the cache of one mapper.
   *
   * @param mapper the mapper whose type factory resolves
   */
  public JavaTypes(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Resolves a class.
   *
   * @param type the class
   * @return its type
   */
  public JavaType of(Class<?> type) {
    return classTypes.get(type);
  }

  /**
   * Resolves a type reference.
   *
   * @param type the reference
   * @return its type
   */
  public JavaType of(TypeReference<?> type) {
    // a TypeReference's type comes from its anonymous class, so one entry per class stays bounded
    // by the classes loaded; the identity check covers subclasses that override getType()
    Resolved resolved = referenceTypes.get(type.getClass());
    JavaType known = resolved.javaType();
    return known != null && resolved.type() == type.getType() ? known : mapper.constructType(type);
  }

  private record Resolved(@Nullable Type type, @Nullable JavaType javaType) {}
}

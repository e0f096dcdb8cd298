package io.logto.management.testsupport;

import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import org.jspecify.annotations.Nullable;

/**
 * Jackson's annotation introspector blind to one deserializer named by {@code @JsonDeserialize(using =
 * ...)}, so that a mapper built with it decodes those types the way Jackson does on its own: the
 * baseline a custom deserializer is compared with.
 */
public final class DeserializerBlindIntrospector extends JacksonAnnotationIntrospector {
  private static final long serialVersionUID = 1L;

  /** The deserializer whose annotation this introspector does not see. */
  private final Class<?> hidden;

  /**
   * Sees every annotation except {@code @JsonDeserialize(using = hidden)}.
   *
   * @param hidden the deserializer class to ignore
   */
  public DeserializerBlindIntrospector(Class<?> hidden) {
    this.hidden = hidden;
  }

  @Override
  public @Nullable Object findDeserializer(Annotated a) {
    Object found = super.findDeserializer(a);
    return found == hidden ? null : found;
  }
}

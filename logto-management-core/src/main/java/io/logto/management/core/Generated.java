package io.logto.management.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks source produced by the SDK's generator. Kept in class files only, so coverage tools can skip
 * generated code while reflection never sees it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD, ElementType.PACKAGE})
public @interface Generated {
  /**
   * Names the generator that wrote the element.
   *
   * @return the generator's name, for example {@code io.logto.management.codegen}
   */
  String value();
}

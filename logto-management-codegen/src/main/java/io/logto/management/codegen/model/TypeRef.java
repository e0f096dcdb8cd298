package io.logto.management.codegen.model;

import java.util.Objects;

/** A Java type a field, parameter or response resolves to; generator-neutral. */
public sealed interface TypeRef {
  /** Built-in scalar or JSON-tree types. */
  enum Scalar implements TypeRef {
    /** Text. */
    STRING,
    /** A 32-bit integer. */
    INTEGER,
    /** A 64-bit integer. */
    LONG,
    /** A decimal number. */
    NUMBER,
    /** A flag. */
    BOOLEAN,
    /** An {@code Instant} sent as epoch milliseconds. */
    INSTANT_MILLIS,
    /** An {@code Instant} sent as epoch seconds. */
    INSTANT_SECONDS,
    /** An {@code Instant} sent as ISO-8601 text. */
    INSTANT_TEXT,
    /** Arbitrary JSON, kept as a tree. */
    JSON
  }

  /**
   * A list of {@code element}.
   *
   * @param element the element type
   */
  record ListOf(TypeRef element) implements TypeRef {
    /**
     * Checks that the element type is present.
     *
     * @param element the element type
     */
    public ListOf {
      Objects.requireNonNull(element, "element == null");
    }
  }

  /**
   * A string-keyed map of {@code value}.
   *
   * @param value the value type
   */
  record MapOf(TypeRef value) implements TypeRef {
    /**
     * Checks that the value type is present.
     *
     * @param value the value type
     */
    public MapOf {
      Objects.requireNonNull(value, "value == null");
    }
  }

  /**
   * A generated model type (record, enum or oneOf interface) by simple name.
   *
   * @param name the simple name
   */
  record Named(String name) implements TypeRef {
    /**
     * Checks that the name is present.
     *
     * @param name the simple name
     */
    public Named {
      Objects.requireNonNull(name, "name == null");
    }
  }
}

package io.logto.management.codegen.model;

import java.util.Objects;

/** A Java type a field, parameter or response resolves to; generator-neutral. */
public sealed interface TypeRef {
  /** Built-in scalar or JSON-tree types. */
  enum Scalar implements TypeRef {
    STRING,
    INTEGER,
    LONG,
    NUMBER,
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

  /** A list of {@code element}. */
  record ListOf(TypeRef element) implements TypeRef {
    public ListOf {
      Objects.requireNonNull(element, "element == null");
    }
  }

  /** A string-keyed map of {@code value}. */
  record MapOf(TypeRef value) implements TypeRef {
    public MapOf {
      Objects.requireNonNull(value, "value == null");
    }
  }

  /** A generated model type (record, enum or oneOf interface) by simple name. */
  record Named(String name) implements TypeRef {
    public Named {
      Objects.requireNonNull(name, "name == null");
    }
  }
}

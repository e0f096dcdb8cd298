package io.logto.management.codegen.spec;

/** Schema formats the corrections write and the reader maps to Java types. */
final class Formats {
  /** Epoch milliseconds, read as {@code Instant}. */
  static final String EPOCH_MILLIS = "x-epoch-millis";
  /** Epoch seconds, read as {@code Instant}. */
  static final String EPOCH_SECONDS = "x-epoch-seconds";
  /** ISO-8601 text, read as {@code Instant}. */
  static final String ISO_INSTANT = "x-iso-instant";
  /** A number with fractions, read as {@code BigDecimal}. */
  static final String DECIMAL = "x-decimal";
  /** A schema type meaning any JSON value. */
  static final String ANY = "x-any";

  private Formats() {}
}

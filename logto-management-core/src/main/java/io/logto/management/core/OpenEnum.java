package io.logto.management.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.function.Function;

/**
 * The base of the generated enumerations: a wire value and the constant of the {@code Known} enum it
 * matches. Unlike a Java enum it can also hold a value the generating document did not list (one a
 * newer Logto sends): such a value keeps its text, so decoding never fails on it and encoding writes
 * it back unchanged, and its {@link #known()} is the {@code UNKNOWN} constant.
 *
 * <pre>{@code
 * switch (app.type().known()) {
 *   case MACHINE_TO_MACHINE -> rotateSecret(app);
 *   case UNKNOWN -> log.warn("type {} is newer than this SDK", app.type().value());
 *   default -> { }
 * }
 * }</pre>
 *
 * <p>Two values are equal when they are of the same class and have the same wire value; known values
 * are also the same instance. Immutable and thread-safe.
 *
 * @param <K> the enum of the known values, with a last constant {@code UNKNOWN}
 */
public abstract class OpenEnum<K extends Enum<K>> {
  private final String value;
  private final K known;

  /**
   * Creates a value; called by the generated subclasses only.
   *
   * @param value the wire value
   * @param known the known constant it matches, or the {@code UNKNOWN} constant
   */
  protected OpenEnum(String value, K known) {
    this.value = requireNonNull(value, "value == null");
    this.known = requireNonNull(known, "known == null");
  }

  /**
   * Finds the known value with a wire value, or makes an unknown one; for the generated
   * {@code fromValue} methods.
   *
   * @param knownValues the constants of the subclass
   * @param value the wire value
   * @param unknown makes an unknown value from its text
   * @param <E> the subclass
   * @return the matching constant, else {@code unknown.apply(value)}
   * @throws NullPointerException if {@code value} is null
   */
  protected static <E extends OpenEnum<?>> E find(List<E> knownValues, String value, Function<String, E> unknown) {
    requireNonNull(value, "value == null");
    for (E candidate : knownValues) {
      if (candidate.value().equals(value)) {
        return candidate;
      }
    }
    return unknown.apply(value);
  }

  /**
   * Returns the wire value.
   *
   * @return the text sent and received, never null
   */
  @JsonValue
  public final String value() {
    return value;
  }

  /**
   * Returns the known constant, for {@code switch}.
   *
   * @return the matching constant; {@code UNKNOWN} for a value this version does not know
   */
  public final K known() {
    return known;
  }

  /**
   * Tells whether this version knows the value.
   *
   * @return whether {@link #known()} is not {@code UNKNOWN}
   */
  public final boolean isKnown() {
    // the generator reserves the name UNKNOWN: no known value can take it
    return !known.name().equals("UNKNOWN");
  }

  /**
   * Compares classes and wire values.
   *
   * @param o the other object
   * @return whether {@code o} is of the same class with the same wire value
   */
  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && value.equals(((OpenEnum<?>) o).value);
  }

  /**
   * Hashes the wire value.
   *
   * @return the wire value's hash
   */
  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /**
   * Returns the wire value.
   *
   * @return the wire value
   */
  @Override
  public final String toString() {
    return value;
  }
}

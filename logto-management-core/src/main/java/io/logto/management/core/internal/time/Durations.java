package io.logto.management.core.internal.time;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** The one check every {@code Duration} option of the SDK makes, so all reject the same values alike. */
public final class Durations {
  private Durations() {}

  /**
   * Returns {@code value} when positive.
   *
   * @param value the duration
   * @param name the option's name, for the message
   * @return {@code value}
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if zero or negative, naming the option and the value
   */
  public static Duration requirePositive(Duration value, String name) {
    requireNonNull(value, name + " == null");
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }
}

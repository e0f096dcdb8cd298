package io.logto.management.core.client;

import io.logto.management.core.internal.chain.Sleeper;

/**
 * Lets the core tests, which live in the public package, give a builder the package-private
 * {@code sleeper} that replaces the waits between retries, so no test sleeps.
 */
public final class TestSleeper {
  private TestSleeper() {}

  /**
   * Sets the builder's sleeper.
   *
   * @param builder the builder
   * @param sleeper the waits between retries
   * @return the builder
   */
  @SuppressWarnings("exports") // test code: the tests, in the same module, see Sleeper
  public static LogtoClient.Builder use(LogtoClient.Builder builder, Sleeper sleeper) {
    return builder.sleeper(sleeper);
  }
}

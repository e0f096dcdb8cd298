package io.logto.management.core;

import io.logto.management.core.internal.time.Durations;
import java.time.Duration;

/**
 * How transient failures are retried: connection failures and HTTP 429, 502, 503 and 504.
 *
 * <p>GET, HEAD, PUT and DELETE are retried by default; POST and PATCH only when a call opts in with
 * {@link RequestOptions.Builder#retryNonIdempotent(boolean)}. The delay before retry {@code n} (1-based)
 * is a random value between half and all of {@code min(maxBackoff, initialBackoff * 2^(n-1))}; a
 * {@code Retry-After} header (seconds or HTTP date) replaces it. Retrying stops after {@code maxRetries}
 * retries or when the next attempt would start later than {@code maxElapsed} after the first one.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param initialBackoff the base delay before the first retry, positive
 * @param maxBackoff the largest computed delay, not smaller than {@code initialBackoff}
 * @param maxElapsed the time budget from the first attempt within which retries may start, positive
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxElapsed) {
  private static final RetryPolicy DEFAULTS =
      new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30));
  private static final RetryPolicy NONE = DEFAULTS.withMaxRetries(0);

  /**
   * Validates the policy.
   *
   * @param maxRetries retries after the first attempt; 0 disables retrying
   * @param initialBackoff the base delay before the first retry, positive
   * @param maxBackoff the largest computed delay, not smaller than {@code initialBackoff}
   * @param maxElapsed the time budget from the first attempt within which retries may start, positive
   * @throws IllegalArgumentException if {@code maxRetries} is negative or a duration is not positive
   * @throws NullPointerException if a duration is null
   */
  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
    }
    Durations.requirePositive(initialBackoff, "initialBackoff");
    Durations.requirePositive(maxBackoff, "maxBackoff");
    Durations.requirePositive(maxElapsed, "maxElapsed");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff < initialBackoff: " + maxBackoff + " < " + initialBackoff);
    }
  }

  /**
   * Two retries, 200 ms initial backoff, at most 5 s between attempts, within 30 s.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Never retries.
   *
   * @return a policy with {@code maxRetries == 0}
   */
  public static RetryPolicy none() {
    return NONE;
  }

  /**
   * Returns a copy of this policy with another retry count.
   *
   * @param maxRetries retries after the first attempt, not negative
   * @return the new policy
   */
  public RetryPolicy withMaxRetries(int maxRetries) {
    return new RetryPolicy(maxRetries, initialBackoff, maxBackoff, maxElapsed);
  }
}

package io.logto.management.testkit;

import io.logto.management.testkit.internal.FaultPlan;
import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection for resilience tests. Latency applies to every request (token requests included)
 * until cleared; the one-shot faults apply to the next Management API calls ({@code /api/...}) in
 * arrival order, not to token requests. Setting a fault replaces the previous setting of the same kind;
 * when several kinds are pending, drops come first, then 429s, then 5xx answers. Faulted calls still
 * count in {@link LogtoEmulator#requestCount(String)}. Thread-safe.
 *
 * <pre>{@code
 * emulator.faults().failNext(2, 503);        // the next two API calls answer 503
 * emulator.faults().rateLimitNext(1, Duration.ofSeconds(3)); // then 429 with Retry-After: 3
 * }</pre>
 */
public final class Faults {
  private final FaultPlan plan;

  Faults(FaultPlan plan) {
    this.plan = plan;
  }

  /**
   * Delays every response by {@code latency} (wall time) until {@link #clear()}.
   *
   * @param latency zero or positive; zero removes the delay
   * @return this
   */
  public Faults latency(Duration latency) {
    Objects.requireNonNull(latency, "latency == null");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency < 0: " + latency);
    }
    plan.latency(latency);
    return this;
  }

  /**
   * Answers the next {@code count} API calls with 429, a {@code Retry-After} header in whole seconds and
   * the body {@code {"code": "emulator.rate_limited", ...}}.
   *
   * @param count how many calls to answer so
   * @param retryAfter the {@code Retry-After} to send
   * @return this
   */
  public Faults rateLimitNext(int count, Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter == null");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter < 0: " + retryAfter);
    }
    plan.rateLimit(requireCount(count), retryAfter);
    return this;
  }

  /**
   * Answers the next {@code count} API calls with {@code status} (500..599) and the body
   * {@code {"code": "emulator.injected_failure", ...}}.
   *
   * @param count how many calls to answer so
   * @param status the status to answer, 500..599
   * @return this
   */
  public Faults failNext(int count, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status not 5xx: " + status);
    }
    plan.fail(requireCount(count), status);
    return this;
  }

  /**
   * Drops the connection of the next {@code count} API calls mid-response: the status line and headers
   * are sent (200, a {@code Content-Length} of 1024), then the connection closes before any body byte,
   * so the client sees an I/O error. (Closing before the status line would let
   * {@code java.net.http.HttpClient} silently retry a GET on a fresh connection.)
   *
   * @param count how many calls to drop so
   * @return this
   */
  public Faults dropNextConnections(int count) {
    plan.drop(requireCount(count));
    return this;
  }

  /** Removes latency and every pending one-shot fault. */
  public void clear() {
    plan.clear();
  }

  private static int requireCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + count);
    }
    return count;
  }
}

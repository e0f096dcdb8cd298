package io.logto.management.testkit.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults to inject, consumed by Management API calls ({@code /api/...}) in arrival order: latency
 * applies to every request (token requests too) until cleared; the others to the next N API calls.
 * Thread-safe.
 */
public final class FaultPlan {
  private volatile Duration latency = Duration.ZERO;
  private final AtomicInteger drops = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private volatile Duration retryAfter = Duration.ofSeconds(1);
  private final AtomicInteger failures = new AtomicInteger();
  private volatile int failureStatus = 503;

  /** What to do with one API call. */
  public enum Action { NONE, DROP, RATE_LIMIT, FAIL }

  public void latency(Duration latency) {
    this.latency = Objects.requireNonNull(latency, "latency == null");
  }

  public Duration latency() {
    return latency;
  }

  public void drop(int count) {
    drops.set(count);
  }

  public void rateLimit(int count, Duration retryAfter) {
    this.retryAfter = retryAfter;
    rateLimited.set(count);
  }

  public void fail(int count, int status) {
    this.failureStatus = status;
    failures.set(count);
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public int failureStatus() {
    return failureStatus;
  }

  public void clear() {
    latency = Duration.ZERO;
    drops.set(0);
    rateLimited.set(0);
    failures.set(0);
  }

  /** Takes the next pending one-shot fault, if any (drop, then 429, then 5xx). */
  Action next() {
    if (takeOne(drops)) {
      return Action.DROP;
    }
    if (takeOne(rateLimited)) {
      return Action.RATE_LIMIT;
    }
    if (takeOne(failures)) {
      return Action.FAIL;
    }
    return Action.NONE;
  }

  private static boolean takeOne(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}

package io.logto.management.core;

import io.logto.management.core.internal.http.Futures;
import io.logto.management.core.internal.retry.RetryAfter;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;

/**
 * Retries network failures before a complete response (refused, reset, closed or cut short; see
 * {@link Transport#isIncompleteExchange}) and 429/502/503/504 with exponential backoff and jitter,
 * honouring {@code Retry-After}; idempotent methods by default, POST and PATCH only when the call opts
 * in.
 * Waits between attempts on the calling thread when the caller waits ({@link CallControl#callerWaits()}),
 * otherwise by scheduling the next attempt, so no thread is held.
 */
final class RetryLayer implements Layer {
  private static final Logger LOG = Logging.logger(RetryLayer.class);
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 502, 503, 504);

  private final RetryPolicy defaultPolicy;
  private final Sleeper onThread;
  private final Sleeper scheduled;
  private final Clock clock;
  private final Layer next;

  /**
   * Creates the layer.
   *
   * @param defaultPolicy the client's policy
   * @param onThread waits between attempts of a call whose caller waits, on its thread
   * @param scheduled waits between attempts of any other call, holding no thread
   * @param clock measures the time budget
   * @param next the authentication layer
   */
  RetryLayer(RetryPolicy defaultPolicy, Sleeper onThread, Sleeper scheduled, Clock clock, Layer next) {
    this.defaultPolicy = defaultPolicy;
    this.onThread = onThread;
    this.scheduled = scheduled;
    this.clock = clock;
    this.next = next;
  }

  @Override
  public CompletableFuture<RawResponse> send(HttpRequest request, RequestOptions options, CallControl control) {
    RetryPolicy policy = options.retryPolicy().orElse(defaultPolicy);
    boolean allowed = policy.maxRetries() > 0
        && (IDEMPOTENT.contains(request.method()) || options.retryNonIdempotent());
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    return attempt(request, options, control, policy, allowed, 1, start, startNanos);
  }

  private CompletableFuture<RawResponse> attempt(HttpRequest request, RequestOptions options, CallControl control,
      RetryPolicy policy, boolean allowed, int attempt, Instant start, long startNanos) {
    return Futures.handleCompose(next.send(request, options, control), (response, failure) -> {
      Optional<Duration> delay = Optional.empty();
      if (allowed && attempt <= policy.maxRetries() && !control.isCancelled()) {
        if (response != null && RETRIED_STATUSES.contains(response.status())) {
          delay = Optional.of(RetryAfter.delay(response.headers(), clock.instant())
              .orElseGet(() -> backoff(policy, attempt)));
        } else if (failure != null && Transport.isIncompleteExchange(failure)) {
          delay = Optional.of(backoff(policy, attempt));
        }
      }
      if (delay.isEmpty()
          || Duration.between(start, clock.instant()).plus(delay.get()).compareTo(policy.maxElapsed()) > 0) {
        if (failure != null) {
          return CompletableFuture.<RawResponse>failedFuture(Transport.unwrap(failure));
        }
        return CompletableFuture.completedFuture(
            response.withAttempts(attempt, Duration.ofNanos(System.nanoTime() - startNanos)));
      }
      Duration wait = delay.get();
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} {} attempt {} {}; retrying in {} ms", request.method(), request.uri().getRawPath(), attempt,
            response != null ? "answered " + response.status()
                : "failed (" + Transport.unwrap(failure).getClass().getSimpleName() + ")", wait.toMillis());
      }
      Sleeper sleeper = control.callerWaits() ? onThread : scheduled;
      return sleeper.sleep(wait).thenCompose(
          ignored -> attempt(request, options, control, policy, allowed, attempt + 1, start, startNanos));
    });
  }

  /**
   * Computes the delay before retry {@code retry}: a random value between half and all of
   * {@code min(maxBackoff, initialBackoff * 2^(retry-1))}.
   *
   * @param policy the policy
   * @param retry the 1-based retry number
   * @return the delay
   */
  static Duration backoff(RetryPolicy policy, int retry) {
    long initial = policy.initialBackoff().toMillis();
    long max = policy.maxBackoff().toMillis();
    long exponential = retry >= 31 ? max : Math.min(max, initial << (retry - 1));
    if (exponential <= 0) {
      exponential = max;
    }
    long half = exponential / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(exponential - half + 1));
  }
}

package io.logto.management.core.internal.chain;

import io.logto.management.core.Interceptor;
import io.logto.management.core.RawResponse;
import io.logto.management.core.RequestOptions;
import io.logto.management.core.RetryPolicy;
import io.logto.management.core.internal.http.Futures;
import io.logto.management.core.internal.http.RetryAfter;
import io.logto.management.core.internal.log.Logging;
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
 * {@link TransportInterceptor#isIncompleteExchange}) and 429/502/503/504 with exponential backoff and
 * jitter, honouring {@code Retry-After}; idempotent methods by default, POST and PATCH only when the
 * call opts in. Waits between attempts as the call's {@link Dispatch} does: on the caller's thread for
 * the synchronous API, by scheduling the next attempt otherwise.
 */
final class RetryInterceptor implements Interceptor {
  // a named category, not the class: users configure it, and the class may move
  private static final Logger LOG = Logging.logger("io.logto.management.core.retry");
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 502, 503, 504);

  private final RetryPolicy defaultPolicy;
  private final Clock clock;

  /**
   * Creates the step.
   *
   * @param defaultPolicy the client's policy
   * @param clock measures the time budget
   */
  RetryInterceptor(RetryPolicy defaultPolicy, Clock clock) {
    this.defaultPolicy = defaultPolicy;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<RawResponse> intercept(Chain chain) {
    HttpRequest request = chain.request();
    RequestOptions options = chain.options();
    RetryPolicy policy = options.retryPolicy().orElse(defaultPolicy);
    boolean allowed = policy.maxRetries() > 0
        && (IDEMPOTENT.contains(request.method()) || options.retryNonIdempotent());
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    return attempt(chain, RealChain.callOf(chain), policy, allowed, 1, start, startNanos);
  }

  private CompletableFuture<RawResponse> attempt(Chain chain, Call call, RetryPolicy policy, boolean allowed,
      int attempt, Instant start, long startNanos) {
    HttpRequest request = chain.request();
    return Futures.handleCompose(chain.proceed(request), (response, failure) -> {
      Optional<Duration> delay = Optional.empty();
      if (allowed && attempt <= policy.maxRetries() && !call.isCancelled()) {
        if (response != null && RETRIED_STATUSES.contains(response.status())) {
          delay = Optional.of(RetryAfter.delay(response.headers(), clock.instant())
              .orElseGet(() -> backoff(policy, attempt)));
        } else if (failure != null && TransportInterceptor.isIncompleteExchange(failure)) {
          delay = Optional.of(backoff(policy, attempt));
        }
      }
      if (delay.isEmpty()
          || Duration.between(start, clock.instant()).plus(delay.get()).compareTo(policy.maxElapsed()) > 0) {
        if (failure != null) {
          return CompletableFuture.<RawResponse>failedFuture(Futures.unwrap(failure));
        }
        return CompletableFuture.completedFuture(
            response.withAttempts(attempt, Duration.ofNanos(System.nanoTime() - startNanos)));
      }
      Duration wait = delay.get();
      if (LOG.isDebugEnabled()) {
        LOG.debug("{} {} attempt {} {}; retrying in {} ms", request.method(), request.uri().getRawPath(), attempt,
            response != null ? "answered " + response.status()
                : "failed (" + Futures.unwrap(failure).getClass().getSimpleName() + ")", wait.toMillis());
      }
      return call.dispatch().pause(wait).thenCompose(
          ignored -> attempt(chain, call, policy, allowed, attempt + 1, start, startNanos));
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

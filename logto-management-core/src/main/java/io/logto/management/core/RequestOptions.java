package io.logto.management.core;

import static java.util.Objects.requireNonNull;

import io.logto.management.core.internal.time.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Options for one call, overriding the client's defaults.
 *
 * @param timeout the request timeout for this call, positive; empty uses the client's (or none, with
 *     {@code noTimeout})
 * @param headers extra headers sent with the call (they cannot replace {@code Authorization})
 * @param retryPolicy the retry policy for this call; empty uses the client's
 * @param retryNonIdempotent whether POST and PATCH may be retried too (off by default, since the
 *     server may have acted on the first attempt)
 * @param noTimeout whether this call has no request timeout at all, whatever the client's
 */
public record RequestOptions(
    Optional<Duration> timeout,
    Map<String, String> headers,
    Optional<RetryPolicy> retryPolicy,
    boolean retryNonIdempotent,
    boolean noTimeout) {
  private static final RequestOptions DEFAULTS =
      new RequestOptions(Optional.empty(), Map.of(), Optional.empty(), false, false);

  /**
   * Validates and copies the values.
   *
   * @param timeout the request timeout for this call, positive; empty uses the client's
   * @param headers extra headers sent with the call (they cannot replace {@code Authorization})
   * @param retryPolicy the retry policy for this call; empty uses the client's
   * @param retryNonIdempotent whether POST and PATCH may be retried too (off by default, since the server may have acted on the first attempt)
   * @param noTimeout whether this call has no request timeout at all
   * @throws NullPointerException if a component or a header name or value is null
   * @throws IllegalArgumentException if the timeout is zero or negative, or set together with
   *     {@code noTimeout}
   */
  public RequestOptions {
    requireNonNull(timeout, "timeout == null").ifPresent(value -> Durations.requirePositive(value, "timeout"));
    if (noTimeout && timeout.isPresent()) {
      throw new IllegalArgumentException("timeout and noTimeout are both set: " + timeout.get());
    }
    requireNonNull(retryPolicy, "retryPolicy == null");
    headers = Map.copyOf(requireNonNull(headers, "headers == null"));
  }

  /**
   * Creates options that keep the request timeout's default (the client's unless {@code timeout} is
   * set).
   *
   * @param timeout the request timeout for this call, positive; empty uses the client's
   * @param headers extra headers sent with the call
   * @param retryPolicy the retry policy for this call; empty uses the client's
   * @param retryNonIdempotent whether POST and PATCH may be retried too
   */
  public RequestOptions(Optional<Duration> timeout, Map<String, String> headers, Optional<RetryPolicy> retryPolicy,
      boolean retryNonIdempotent) {
    this(timeout, headers, retryPolicy, retryNonIdempotent, false);
  }

  /**
   * Options that change nothing.
   *
   * @return the default options
   */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts building options.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.timeout = timeout;
    builder.headers.putAll(headers);
    builder.retryPolicy = retryPolicy;
    builder.retryNonIdempotent = retryNonIdempotent;
    builder.noTimeout = noTimeout;
    return builder;
  }

  /** Builds {@link RequestOptions}; not thread-safe. */
  public static final class Builder {
    private Optional<Duration> timeout = Optional.empty();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Optional<RetryPolicy> retryPolicy = Optional.empty();
    private boolean retryNonIdempotent;
    private boolean noTimeout;

    private Builder() {}

    /**
     * Sets the request timeout for this call.
     *
     * @param timeout the timeout, positive; {@link #noTimeout()} disables it instead
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Optional.of(Durations.requirePositive(timeout, "timeout"));
      this.noTimeout = false;
      return this;
    }

    /**
     * Disables the request timeout for this call, whatever the client's.
     *
     * @return this builder
     */
    public Builder noTimeout() {
      this.timeout = Optional.empty();
      this.noTimeout = true;
      return this;
    }

    /**
     * Adds a header sent with this call.
     *
     * @param name the header name
     * @param value the header value
     * @return this builder
     */
    public Builder header(String name, String value) {
      requireNonNull(name, "header name == null");
      requireNonNull(value, "header value == null");
      if (name.isBlank()) {
        throw new IllegalArgumentException("header name is blank");
      }
      headers.put(name, value);
      return this;
    }

    /**
     * Sets the retry policy for this call.
     *
     * @param retryPolicy the policy, for example {@link RetryPolicy#none()}
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Optional.of(requireNonNull(retryPolicy, "retryPolicy == null"));
      return this;
    }

    /**
     * Allows retrying this call even when it is a POST or PATCH.
     *
     * @param retryNonIdempotent whether to retry non-idempotent methods
     * @return this builder
     */
    public Builder retryNonIdempotent(boolean retryNonIdempotent) {
      this.retryNonIdempotent = retryNonIdempotent;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public RequestOptions build() {
      return new RequestOptions(timeout, headers, retryPolicy, retryNonIdempotent, noTimeout);
    }
  }
}

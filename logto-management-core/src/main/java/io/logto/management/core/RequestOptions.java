package io.logto.management.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Options for one call, overriding the client's defaults.
 *
 * @param timeout the request timeout for this call; empty uses the client's; a zero or negative
 *     duration disables the timeout for this call
 * @param headers extra headers sent with the call (they cannot replace {@code Authorization})
 * @param retryPolicy the retry policy for this call; empty uses the client's
 * @param retryNonIdempotent whether POST and PATCH may be retried too (off by default, since the
 *     server may have acted on the first attempt)
 */
public record RequestOptions(
    Optional<Duration> timeout,
    Map<String, String> headers,
    Optional<RetryPolicy> retryPolicy,
    boolean retryNonIdempotent) {
  private static final RequestOptions DEFAULTS =
      new RequestOptions(Optional.empty(), Map.of(), Optional.empty(), false);

  /**
   * Validates and copies the values.
   *
   * @param timeout the request timeout for this call; empty uses the client's; a zero or negative duration disables the timeout for this call
   * @param headers extra headers sent with the call (they cannot replace {@code Authorization})
   * @param retryPolicy the retry policy for this call; empty uses the client's
   * @param retryNonIdempotent whether POST and PATCH may be retried too (off by default, since the server may have acted on the first attempt)
   * @throws NullPointerException if a component or a header name or value is null
   */
  public RequestOptions {
    requireNonNull(timeout, "timeout == null");
    requireNonNull(retryPolicy, "retryPolicy == null");
    headers = Map.copyOf(requireNonNull(headers, "headers == null"));
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
    return builder;
  }

  /** Builds {@link RequestOptions}; not thread-safe. */
  public static final class Builder {
    private Optional<Duration> timeout = Optional.empty();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Optional<RetryPolicy> retryPolicy = Optional.empty();
    private boolean retryNonIdempotent;

    private Builder() {}

    /**
     * Sets the request timeout for this call.
     *
     * @param timeout the timeout; zero or negative disables it for this call
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Optional.of(requireNonNull(timeout, "timeout == null"));
      return this;
    }

    /**
     * Disables the request timeout for this call.
     *
     * @return this builder
     */
    public Builder noTimeout() {
      return timeout(Duration.ZERO);
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
      return new RequestOptions(timeout, headers, retryPolicy, retryNonIdempotent);
    }
  }
}

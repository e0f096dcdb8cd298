package io.logto.management.core;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * An undecoded HTTP answer as it passes through {@link Interceptor}s. The body array is not copied:
 * do not modify it.
 *
 * @param request the request that was sent last (its headers never include the token for
 *     interceptors, which run before authentication)
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the raw body, empty when none
 * @param attempts how many attempts were made, 1 when the first attempt answered
 * @param duration time from the first attempt's start to this answer
 */
public record RawResponse(
    HttpRequest request, int status, HttpHeaders headers, byte[] body, int attempts, Duration duration) {
  /**
   * Validates the components.
   *
   * @param request the request that was sent last (its headers never include the token for interceptors, which run before authentication)
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the raw body, empty when none
   * @param attempts how many attempts were made, 1 when the first attempt answered
   * @param duration time from the first attempt's start to this answer
   * @throws NullPointerException if a component is null
   */
  public RawResponse {
    requireNonNull(request, "request == null");
    requireNonNull(headers, "headers == null");
    requireNonNull(body, "body == null");
    requireNonNull(duration, "duration == null");
  }

  /**
   * Returns Logto's request id.
   *
   * @return the {@code Logto-Core-Request-Id} header, if sent
   */
  public Optional<String> requestId() {
    return headers.firstValue(ApiResponse.REQUEST_ID_HEADER);
  }

  /**
   * Returns a copy with other attempt count and duration.
   *
   * @param attempts the attempts made
   * @param duration the time since the first attempt
   * @return the copy
   */
  public RawResponse withAttempts(int attempts, Duration duration) {
    return new RawResponse(request, status, headers, body, attempts, duration);
  }

  /**
   * Describes the answer without its body.
   *
   * @return method, path, status, attempts and duration
   */
  @Override
  public String toString() {
    return "RawResponse[" + request.method() + " " + request.uri().getRawPath() + " -> " + status
        + ", attempts=" + attempts + ", duration=" + duration + "]";
  }
}

package io.logto.management.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one HTTP request ended, as seen by a {@link CallListener}: a request of an API call (each retry
 * and the replay after a 401 included) or a token request ({@link AttemptKind#TOKEN}). It carries no
 * headers, query string or body, so it never holds a token, the client secret or personal data.
 *
 * @param id the attempt's identity, the same as its {@link AttemptStart#id()}: unique within a client
 *     and its {@link io.logto.management.core.client.LogtoClient#newBuilder()} variants, increasing in the order attempts start
 * @param kind whether this was an API request or a token request
 * @param method the HTTP method
 * @param pathTemplate the call's path template, such as {@code /api/users/{userId}}: a low-cardinality
 *     name for metrics ({@code /oidc/token} for token requests)
 * @param path the encoded path that was sent, without the query string
 * @param attempt the 1-based number of this request within the call; retries and the replay after a 401
 *     count
 * @param status the answer's HTTP status; empty when the attempt failed without an answer
 * @param failure why no answer came (a {@link LogtoException} such as a timeout, or a cancellation);
 *     empty when answered
 * @param duration from sending the request to the complete answer or the failure
 * @param requestId Logto's {@code Logto-Core-Request-Id} of the answer, if sent
 */
public record AttemptEvent(long id, AttemptKind kind, String method, String pathTemplate, String path, int attempt, OptionalInt status,
    Optional<Throwable> failure, Duration duration, Optional<String> requestId) {
  /**
   * Validates the components.
   *
   * @param id the attempt's identity
   * @param kind API or token request
   * @param method the HTTP method
   * @param pathTemplate the call's path template
   * @param path the encoded path without query
   * @param attempt the 1-based attempt number
   * @param status the HTTP status, empty when failed
   * @param failure the failure, empty when answered
   * @param duration the attempt's duration
   * @param requestId Logto's request id, if sent
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code attempt} is below 1, or if neither or both of
   *     {@code status} and {@code failure} are present
   */
  public AttemptEvent {
    requireNonNull(kind, "kind == null");
    requireNonNull(method, "method == null");
    requireNonNull(pathTemplate, "pathTemplate == null");
    requireNonNull(path, "path == null");
    requireNonNull(status, "status == null");
    requireNonNull(failure, "failure == null");
    requireNonNull(duration, "duration == null");
    requireNonNull(requestId, "requestId == null");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
    }
    if (status.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("exactly one of status and failure must be present");
    }
  }

  /**
   * Tells whether the server answered with a 2xx status.
   *
   * @return whether the attempt succeeded
   */
  public boolean succeeded() {
    return status.isPresent() && status.getAsInt() >= 200 && status.getAsInt() <= 299;
  }

  /**
   * Describes the attempt in one line, as the SDK's debug log shows it.
   *
   * @return method, path, attempt, status or failure, duration and request id
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(96);
    if (kind == AttemptKind.TOKEN) {
      out.append("token request ");
    }
    out.append(method).append(' ').append(path);
    if (status.isPresent()) {
      out.append(" -> ").append(status.getAsInt());
    } else {
      out.append(" failed");
    }
    out.append(" in ").append(duration.toMillis()).append(" ms (attempt ").append(attempt)
        .append(", request id ").append(requestId.orElse("-")).append(')');
    failure.ifPresent(cause -> out.append(": ").append(cause.getClass().getSimpleName())
        .append(cause.getMessage() == null ? "" : " " + cause.getMessage()));
    return out.toString();
  }
}

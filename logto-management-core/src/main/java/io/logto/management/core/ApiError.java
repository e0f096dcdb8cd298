package io.logto.management.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.internal.text.BodySummary;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * What an error answer of the Management API said, as carried by {@link LogtoApiException}.
 *
 * @param method the HTTP method of the failed request
 * @param path the request path (without query)
 * @param status the HTTP status, 4xx or 5xx
 * @param headers the response headers
 * @param code Logto's error code, such as {@code entity.not_exists_with_id}
 * @param message Logto's human-readable message
 * @param data Logto's structured {@code data} field
 * @param details Logto's {@code details} text (validation errors)
 * @param body the raw body, for answers that are not Logto's JSON; it may hold personal data: never
 *     shown by {@link #toString()}
 */
public record ApiError(
    String method,
    String path,
    int status,
    HttpHeaders headers,
    Optional<String> code,
    Optional<String> message,
    Optional<JsonNode> data,
    Optional<String> details,
    byte[] body) {
  /**
   * Validates the components.
   *
   * @param method the HTTP method of the failed request
   * @param path the request path (without query)
   * @param status the HTTP status, 4xx or 5xx
   * @param headers the response headers
   * @param code Logto's error code, such as {@code entity.not_exists_with_id}
   * @param message Logto's human-readable message
   * @param data Logto's structured {@code data} field
   * @param details Logto's {@code details} text (validation errors)
   * @param body the raw body, copied
   * @throws NullPointerException if a component is null
   */
  public ApiError {
    requireNonNull(method, "method == null");
    requireNonNull(path, "path == null");
    requireNonNull(headers, "headers == null");
    requireNonNull(code, "code == null");
    requireNonNull(message, "message == null");
    requireNonNull(data, "data == null");
    requireNonNull(details, "details == null");
    body = requireNonNull(body, "body == null").clone();
  }

  /**
   * Returns the raw body. It may hold personal data: do not log it.
   *
   * @return a copy of the body, empty if none
   */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /**
   * Describes the error without its body, {@code data} or {@code details}, which may hold personal data.
   *
   * @return method, path, status, code, message, request id and the body's content type and length
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ApiError[").append(method).append(' ').append(path).append(" -> ")
        .append(status);
    code.ifPresent(value -> text.append(' ').append(value));
    message.ifPresent(value -> text.append(": ").append(value));
    requestId().ifPresent(id -> text.append(" (request id ").append(id).append(')'));
    return text.append(", ").append(bodySummary()).append(']').toString();
  }

  /**
   * Describes the body by what is safe to show.
   *
   * @return its content type and length, such as {@code text/html, 1532 bytes}, or {@code empty body}
   */
  public String bodySummary() {
    return BodySummary.of(headers, body);
  }

  /**
   * Returns Logto's request id.
   *
   * @return the {@code Logto-Core-Request-Id} header, if sent
   */
  public Optional<String> requestId() {
    return headers.firstValue(ApiResponse.REQUEST_ID_HEADER);
  }
}

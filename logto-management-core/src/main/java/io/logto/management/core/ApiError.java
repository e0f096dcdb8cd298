package io.logto.management.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
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
 * @param bodyExcerpt the start of the raw body, for answers that are not Logto's JSON
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
    String bodyExcerpt) {
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
   * @param bodyExcerpt the start of the raw body, for answers that are not Logto's JSON
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
    requireNonNull(bodyExcerpt, "bodyExcerpt == null");
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

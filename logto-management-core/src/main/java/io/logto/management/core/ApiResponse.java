package io.logto.management.core;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A successful answer with its status and headers.
 *
 * @param status the HTTP status code, 2xx
 * @param headers the response headers
 * @param body the decoded body; {@code null} only when the call asked for {@code Void}
 * @param <T> the body type
 */
public record ApiResponse<T>(int status, HttpHeaders headers, T body) {
  /** The header Logto sets on every response to identify the request in its logs. */
  public static final String REQUEST_ID_HEADER = "Logto-Core-Request-Id";

  /**
   * Validates the components.
   *
   * @param status the HTTP status code, 2xx
   * @param headers the response headers
   * @param body the decoded body; {@code null} only when the call asked for {@code Void}
   * @throws NullPointerException if {@code headers} is null
   */
  public ApiResponse {
    requireNonNull(headers, "headers == null");
  }

  /**
   * Returns Logto's request id.
   *
   * @return the {@code Logto-Core-Request-Id} header, if sent
   */
  public Optional<String> requestId() {
    return headers.firstValue(REQUEST_ID_HEADER);
  }
}

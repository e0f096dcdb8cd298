package io.logto.management.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * The Management API answered with an error status. Subclasses name the statuses callers usually
 * branch on; other statuses arrive as this class. The message holds the method, path, status, Logto's
 * {@code code} and {@code message} and the request id; a body that is not Logto's error shape is
 * described by content type and length only, never quoted ({@link ApiError#body()} has it).
 */
public class LogtoApiException extends LogtoException {
  /** The error answer: status, Logto's code and message, headers, body. */
  private final ApiError error;

  /**
   * Creates an exception for an error answer.
   *
   * @param error what the server answered
   */
  public LogtoApiException(ApiError error) {
    super(describe(requireNonNull(error, "error == null")));
    this.error = error;
  }

  /**
   * Creates the exception type matching the status: {@link LogtoRedirectException} (3xx),
   * {@link LogtoBadRequestException} (400),
   * {@link LogtoUnauthorizedException} (401), {@link LogtoForbiddenException} (403),
   * {@link LogtoNotFoundException} (404), {@link LogtoConflictException} (409, 422),
   * {@link LogtoRateLimitException} (429), {@link LogtoServerException} (5xx), else this class.
   *
   * @param error what the server answered
   * @return the exception, not thrown
   */
  public static LogtoApiException of(ApiError error) {
    int status = error.status();
    if (status >= 500 && status < 600) {
      return new LogtoServerException(error);
    }
    if (status >= 300 && status < 400) {
      return new LogtoRedirectException(error);
    }
    return switch (status) {
      case 400 -> new LogtoBadRequestException(error);
      case 401 -> new LogtoUnauthorizedException(error);
      case 403 -> new LogtoForbiddenException(error);
      case 404 -> new LogtoNotFoundException(error);
      case 409, 422 -> new LogtoConflictException(error);
      case 429 -> new LogtoRateLimitException(error);
      default -> new LogtoApiException(error);
    };
  }

  /**
   * Returns everything the error answer said.
   *
   * @return the error
   */
  public ApiError error() {
    return error;
  }

  /**
   * Returns the HTTP status.
   *
   * @return the status code
   */
  public int status() {
    return error.status();
  }

  /**
   * Returns Logto's error code, such as {@code entity.not_exists_with_id}.
   *
   * @return the code, if the body had one
   */
  public Optional<String> code() {
    return error.code();
  }

  /**
   * Returns Logto's message.
   *
   * @return the server's message, if the body had one
   */
  public Optional<String> serverMessage() {
    return error.message();
  }

  /**
   * Returns Logto's structured {@code data}.
   *
   * @return the data, if the body had some
   */
  public Optional<JsonNode> data() {
    return error.data();
  }

  /**
   * Returns Logto's {@code details} text.
   *
   * @return the details, if the body had some
   */
  public Optional<String> details() {
    return error.details();
  }

  /**
   * Returns Logto's request id, for matching server logs.
   *
   * @return the {@code Logto-Core-Request-Id} header, if sent
   */
  public Optional<String> requestId() {
    return error.requestId();
  }

  /**
   * Returns the response headers.
   *
   * @return the headers
   */
  public HttpHeaders headers() {
    return error.headers();
  }

  /**
   * Returns the method of the failed request.
   *
   * @return the HTTP method
   */
  public String method() {
    return error.method();
  }

  /**
   * Returns the path of the failed request.
   *
   * @return the path, without query
   */
  public String path() {
    return error.path();
  }

  private static String describe(ApiError error) {
    StringBuilder text = new StringBuilder()
        .append(error.method()).append(' ').append(error.path()).append(" -> ").append(error.status());
    error.code().ifPresent(code -> text.append(' ').append(code));
    if (error.status() >= 300 && error.status() < 400) {
      text.append(": redirect").append(error.headers().firstValue("Location")
          .flatMap(LogtoRedirectException::parse).filter(uri -> uri.getHost() != null)
          .map(uri -> " to " + uri.getScheme() + "://" + uri.getHost()).orElse(""))
          .append(" not followed: the SDK never follows redirects; check the base URL");
    } else if (error.message().isPresent()) {
      text.append(": ").append(error.message().get());
    } else if (error.code().isEmpty()) {
      text.append(" (").append(error.bodySummary()).append(')');
    }
    error.requestId().ifPresent(id -> text.append(" (request id ").append(id).append(')'));
    return text.toString();
  }
}

package io.logto.management.core.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request with {@code Authorization: Bearer <token>} added, whatever request it is given (the SDK's own
 * or one an interceptor rebuilt). It is not built with {@link HttpRequest.Builder}, which checks every
 * header into a map of its own and copies it at {@code build()}: the given request's headers are
 * checked already and the token by {@link Bearer}, so one header map is made, and the JDK client's own
 * check when it sends is the only other pass.
 */
public final class AuthorizedRequest extends HttpRequest {
  private final HttpRequest request;
  private final HttpHeaders headers;

  private AuthorizedRequest(HttpRequest request, HttpHeaders headers) {
    this.request = request;
    this.headers = headers;
  }

  /**
   * Adds the bearer token to a request.
   *
   * @param request the request
   * @param token the access token
   * @return the request to send, its {@code Authorization} header replaced by the token's
   * @throws IllegalArgumentException when the token holds a character a header value cannot carry;
   *     the message does not show the token
   */
  public static HttpRequest of(HttpRequest request, String token) {
    String authorization = Bearer.headerValue(token);
    Map<String, List<String>> headers = request.headers().map();
    // the request's headers without its own Authorization, whatever its case, then the token's
    return new AuthorizedRequest(request, WalkedHeaders.of(to -> {
      headers.forEach((name, values) -> {
        if (!name.equalsIgnoreCase("Authorization")) {
          to.accept(name, values);
        }
      });
      to.accept("Authorization", List.of(authorization));
    }));
  }

  @Override
  public Optional<BodyPublisher> bodyPublisher() {
    return request.bodyPublisher();
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public Optional<Duration> timeout() {
    return request.timeout();
  }

  @Override
  public boolean expectContinue() {
    return request.expectContinue();
  }

  @Override
  public URI uri() {
    return request.uri();
  }

  @Override
  public Optional<HttpClient.Version> version() {
    return request.version();
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  // never the token
  @Override
  public String toString() {
    return request.toString();
  }
}

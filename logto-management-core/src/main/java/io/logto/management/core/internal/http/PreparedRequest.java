package io.logto.management.core.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * The request the SDK built for a call, before authentication. It keeps the validated builder, so the
 * authentication layer builds the sent request once with its {@code Authorization} header instead of
 * copying a finished request header by header. Interceptors see it as an ordinary request; its
 * headers are only materialised when someone reads them.
 */
public final class PreparedRequest extends HttpRequest {
  // filled and validated by RequestFactory, never changed afterwards: only copied
  private final HttpRequest.Builder builder;
  private final URI uri;
  private final String method;
  private final Optional<Duration> timeout;
  private volatile HttpRequest unsigned;

  PreparedRequest(HttpRequest.Builder builder, URI uri, String method, Optional<Duration> timeout) {
    this.builder = builder;
    this.uri = uri;
    this.method = method;
    this.timeout = timeout;
  }

  /**
   * Builds the request to send with a bearer token.
   *
   * @param token the access token
   * @return a new request carrying {@code Authorization: Bearer <token>}
   */
  public HttpRequest signed(String token) {
    return builder.copy().setHeader("Authorization", "Bearer " + token).build();
  }

  /**
   * Returns this request as a JDK request without authentication, built on first use.
   *
   * @return the unauthenticated request
   */
  public HttpRequest unsigned() {
    HttpRequest built = unsigned;
    if (built == null) {
      built = builder.copy().build();
      unsigned = built;
    }
    return built;
  }

  @Override
  public Optional<BodyPublisher> bodyPublisher() {
    return unsigned().bodyPublisher();
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public Optional<Duration> timeout() {
    return timeout;
  }

  @Override
  public boolean expectContinue() {
    return unsigned().expectContinue();
  }

  @Override
  public URI uri() {
    return uri;
  }

  @Override
  public Optional<HttpClient.Version> version() {
    return unsigned().version();
  }

  @Override
  public HttpHeaders headers() {
    return unsigned().headers();
  }

  /**
   * Describes the request as the JDK's requests do.
   *
   * @return the URI and method
   */
  @Override
  public String toString() {
    return uri + " " + method;
  }
}

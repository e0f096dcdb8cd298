package io.logto.management.core.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The request the SDK built for a call, before authentication. It keeps the validated parts (URI,
 * method, body, headers, timeout), so the authentication layer builds the sent request in one go with
 * its {@code Authorization} header, as a hand-written call would, instead of copying a builder or a
 * finished request. It never reaches users: interceptors get {@link #unsigned()}, a plain JDK request
 * (see the core's {@code InterceptorChain}).
 */
public final class PreparedRequest extends HttpRequest {
  private final URI uri;
  private final String method;
  private final BodyPublisher body;
  // name, value, name, value...: the SDK's own and the caller's (checked by RequestFactory), in order
  private final String[] headers;
  private final Optional<Duration> timeout;
  private volatile @Nullable HttpRequest unsigned;

  /**
   * Keeps the parts of a request whose method and headers are already validated.
   *
   * @param uri the URI
   * @param method the method
   * @param body the body
   * @param headers name, value, name, value...
   * @param timeout the timeout; empty for none
   */
  public PreparedRequest(URI uri, String method, BodyPublisher body, String[] headers, Optional<Duration> timeout) {
    this.uri = uri;
    this.method = method;
    this.body = body;
    this.headers = headers;
    this.timeout = timeout;
  }

  /**
   * Builds the request to send with a bearer token.
   *
   * @param token the access token
   * @return a new request carrying {@code Authorization: Bearer <token>}
   */
  public HttpRequest signed(String token) {
    return builder().setHeader("Authorization", "Bearer " + token).build();
  }

  /**
   * Returns this request as a JDK request without authentication, built on first use.
   *
   * @return the unauthenticated request
   */
  public HttpRequest unsigned() {
    HttpRequest built = unsigned;
    if (built == null) {
      built = builder().build();
      unsigned = built;
    }
    return built;
  }

  private HttpRequest.Builder builder() {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method, body).headers(headers);
    timeout.ifPresent(builder::timeout);
    return builder;
  }

  @Override
  public Optional<BodyPublisher> bodyPublisher() {
    return Optional.of(body);
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
    return false;
  }

  @Override
  public URI uri() {
    return uri;
  }

  @Override
  public Optional<HttpClient.Version> version() {
    return Optional.empty();
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

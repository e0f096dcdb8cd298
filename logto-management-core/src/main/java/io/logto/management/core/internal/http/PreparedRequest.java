package io.logto.management.core.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The request the SDK built for a call, before authentication, from parts already validated (URI,
 * method, body, headers, timeout): its headers are one map made from them, not a builder's check and
 * copy. It never reaches users: a client with interceptors of its own starts its chain with
 * {@link #unsigned()}, a plain JDK request, instead.
 */
public final class PreparedRequest extends HttpRequest {
  private final URI uri;
  private final String method;
  private final BodyPublisher body;
  // name, value, name, value...: the SDK's own and the caller's (checked by RequestFactory), in order
  private final String[] headers;
  private final Optional<Duration> timeout;
  private volatile @Nullable HttpRequest unsigned;
  private volatile @Nullable HttpHeaders checkedHeaders;

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
   * Returns this request as a request built by the JDK, built on first use.
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
    HttpHeaders built = checkedHeaders;
    if (built == null) {
      // checked already (by the RequestFactory), each name once whatever its case: no builder needed
      built = WalkedHeaders.of(to -> {
        for (int i = 0; i < headers.length; i += 2) {
          to.accept(headers[i], List.of(headers[i + 1]));
        }
      });
      checkedHeaders = built;
    }
    return built;
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

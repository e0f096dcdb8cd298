package io.logto.management.core.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
   * Makes the request to send with a bearer token. It is not built with {@link HttpRequest.Builder}:
   * the builder checks every header into a map of its own and copies that map at {@code build()}, and
   * the JDK client checks and copies the headers of any request it sends once more; the parts here are
   * checked already (by the {@code RequestFactory}, the token by {@link Bearer}), so one header map is
   * made and the client's own check is the only other pass.
   *
   * @param token the access token
   * @return a new request carrying {@code Authorization: Bearer <token>}, replacing any other
   *     {@code Authorization}
   * @throws IllegalArgumentException when the token holds a character a header value cannot carry;
   *     the message does not show the token
   */
  public HttpRequest signed(String token) {
    String authorization = Bearer.headerValue(token);
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], List.of(headers[i + 1]));
    }
    map.put("Authorization", List.of(authorization));
    return new Signed(this, HttpHeaders.of(map, (name, value) -> true));
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

  /** The prepared request with its {@code Authorization} header: what the transport sends. */
  private static final class Signed extends HttpRequest {
    private final PreparedRequest prepared;
    private final HttpHeaders headers;

    Signed(PreparedRequest prepared, HttpHeaders headers) {
      this.prepared = prepared;
      this.headers = headers;
    }

    @Override
    public Optional<BodyPublisher> bodyPublisher() {
      return prepared.bodyPublisher();
    }

    @Override
    public String method() {
      return prepared.method;
    }

    @Override
    public Optional<Duration> timeout() {
      return prepared.timeout;
    }

    @Override
    public boolean expectContinue() {
      return false;
    }

    @Override
    public URI uri() {
      return prepared.uri;
    }

    @Override
    public Optional<HttpClient.Version> version() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return headers;
    }

    // never the token
    @Override
    public String toString() {
      return prepared.toString();
    }
  }
}

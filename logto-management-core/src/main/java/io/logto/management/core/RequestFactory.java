package io.logto.management.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.internal.http.PreparedRequest;
import io.logto.management.core.internal.http.UserAgent;
import io.logto.management.core.internal.text.PercentEncoding;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns an {@link ApiRequest} into a JDK request: URI, headers, timeout and a body held as bytes (so a
 * retry or a replay after 401 can send it again). Thread-safe.
 */
final class RequestFactory {
  // methods the JDK client accepts as they are; any other is checked before the call is sent
  private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  private final String baseUrl;
  private final ObjectMapper mapper;
  private final Optional<Duration> defaultTimeout;

  /**
   * Creates a factory.
   *
   * @param baseUrl the server's base URL without a trailing slash
   * @param mapper serialises JSON bodies
   * @param defaultTimeout the client's request timeout; empty for none
   */
  public RequestFactory(String baseUrl, ObjectMapper mapper, Optional<Duration> defaultTimeout) {
    this.baseUrl = baseUrl;
    this.mapper = mapper;
    this.defaultTimeout = defaultTimeout;
  }

  /**
   * Builds the JDK request.
   *
   * @param call the call description
   * @param options the call's options
   * @return the request, not yet authenticated; every header and the method are already validated
   * @throws IllegalArgumentException when the JSON body cannot be serialised
   */
  public PreparedRequest create(ApiRequest call, RequestOptions options) {
    String query = PercentEncoding.query(call.query());
    URI uri = URI.create(baseUrl + call.path() + (query.isEmpty() ? "" : "?" + query));
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("User-Agent", UserAgent.VALUE);
    headers.put("Accept", call.accept());
    HttpRequest.BodyPublisher publisher = body(call.body(), headers);
    headers.putAll(call.headers());
    headers.putAll(options.headers());
    Optional<Duration> timeout = timeout(options);
    String[] flat = new String[headers.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      flat[i++] = header.getKey();
      flat[i++] = header.getValue();
    }
    if (!STANDARD_METHODS.contains(call.method()) || !call.headers().isEmpty() || !options.headers().isEmpty()) {
      // what the caller chose is checked now, before any I/O; the SDK's own headers need no check
      HttpRequest.newBuilder(uri).method(call.method(), publisher).headers(flat);
    }
    return new PreparedRequest(uri, call.method(), publisher, flat, timeout);
  }

  // the call's own timeout when set, else the client's, unless the call wants none
  private Optional<Duration> timeout(RequestOptions options) {
    if (options.noTimeout()) {
      return Optional.empty();
    }
    return options.timeout().isPresent() ? options.timeout() : defaultTimeout;
  }

  private HttpRequest.BodyPublisher body(ApiRequest.Body body, Map<String, String> headers) {
    if (body instanceof ApiRequest.Body.Json json) {
      headers.put("Content-Type", "application/json");
      try {
        return HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(json.value()));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("body cannot be serialised as JSON: " + e.getOriginalMessage(), e);
      }
    }
    if (body instanceof ApiRequest.Body.Form form) {
      headers.put("Content-Type", "application/x-www-form-urlencoded");
      return HttpRequest.BodyPublishers.ofString(PercentEncoding.query(form.fields()), StandardCharsets.UTF_8);
    }
    if (body instanceof ApiRequest.Body.Multipart multipart) {
      String boundary = "logto-java-" + UUID.randomUUID();
      headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
      return HttpRequest.BodyPublishers.ofByteArray(multipart(multipart, boundary));
    }
    return HttpRequest.BodyPublishers.noBody();
  }

  private static byte[] multipart(ApiRequest.Body.Multipart multipart, String boundary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ApiRequest.Part part : multipart.parts()) {
      StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
          .append("Content-Disposition: form-data; name=\"").append(quote(part.name())).append('"');
      part.filename().ifPresent(name -> head.append("; filename=\"").append(quote(name)).append('"'));
      head.append("\r\nContent-Type: ").append(part.contentType()).append("\r\n\r\n");
      out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      out.writeBytes(part.content());
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static String quote(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
  }
}

package io.logto.management.core.internal.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.ApiRequest;
import io.logto.management.core.RequestOptions;
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
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@link ApiRequest} into a JDK request: URI, headers, timeout and a body held as bytes (so a
 * retry or a replay after 401 can send it again). Thread-safe.
 */
public final class RequestFactory {
  // methods the JDK client accepts as they are; any other is checked before the call is sent
  private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
  // ApiRequest's default; any other Accept is the caller's choice, checked like its headers
  private static final String DEFAULT_ACCEPT = "application/json";

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
    StringBuilder url = new StringBuilder(baseUrl.length() + call.path().length() + 16 * call.query().size() + 1)
        .append(baseUrl).append(call.path());
    if (!call.query().isEmpty()) {
      PercentEncoding.appendQuery(url.append('?'), call.query());
    }
    URI uri = URI.create(url.toString());
    Payload payload = payload(call.body());
    boolean callerHeaders = !call.headers().isEmpty() || !options.headers().isEmpty();
    String[] flat = callerHeaders ? merged(call, options, payload) : own(call, payload);
    if (!STANDARD_METHODS.contains(call.method()) || callerHeaders || !call.accept().equals(DEFAULT_ACCEPT)) {
      // what the caller chose is checked now, before any I/O; the SDK's own headers need no check
      HttpRequest.newBuilder(uri).method(call.method(), payload.publisher()).headers(flat);
    }
    return new PreparedRequest(uri, call.method(), payload.publisher(), flat, timeout(options));
  }

  // the SDK's own headers, whose names differ: no map needed to merge them
  private static String[] own(ApiRequest call, Payload payload) {
    String contentType = payload.contentType();
    return contentType == null
        ? new String[] {"User-Agent", UserAgent.VALUE, "Accept", call.accept()}
        : new String[] {"User-Agent", UserAgent.VALUE, "Accept", call.accept(), "Content-Type", contentType};
  }

  // the caller's headers replace the SDK's of the same name, whatever their case
  private static String[] merged(ApiRequest call, RequestOptions options, Payload payload) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("User-Agent", UserAgent.VALUE);
    headers.put("Accept", call.accept());
    String contentType = payload.contentType();
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    headers.putAll(call.headers());
    headers.putAll(options.headers());
    String[] flat = new String[headers.size() * 2];
    int i = 0;
    for (Map.Entry<String, String> header : headers.entrySet()) {
      flat[i++] = header.getKey();
      flat[i++] = header.getValue();
    }
    return flat;
  }

  // the call's own timeout when set, else the client's, unless the call wants none
  private Optional<Duration> timeout(RequestOptions options) {
    if (options.noTimeout()) {
      return Optional.empty();
    }
    return options.timeout().isPresent() ? options.timeout() : defaultTimeout;
  }

  /** A body and the content type that goes with it; none for a call without a body. */
  private record Payload(HttpRequest.BodyPublisher publisher, @Nullable String contentType) {}

  private static final Payload NO_BODY = new Payload(HttpRequest.BodyPublishers.noBody(), null);

  private Payload payload(ApiRequest.Body body) {
    if (body instanceof ApiRequest.Body.Json json) {
      try {
        return new Payload(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(json.value())),
            "application/json");
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("body cannot be serialised as JSON: " + e.getOriginalMessage(), e);
      }
    }
    if (body instanceof ApiRequest.Body.Form form) {
      return new Payload(HttpRequest.BodyPublishers.ofString(PercentEncoding.query(form.fields()),
          StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }
    if (body instanceof ApiRequest.Body.Multipart multipart) {
      String boundary = "logto-java-" + UUID.randomUUID();
      return new Payload(HttpRequest.BodyPublishers.ofByteArray(multipart(multipart, boundary)),
          "multipart/form-data; boundary=" + boundary);
    }
    return NO_BODY;
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

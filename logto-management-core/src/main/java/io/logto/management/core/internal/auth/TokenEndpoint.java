package io.logto.management.core.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.AccessToken;
import io.logto.management.core.LogtoTokenException;
import io.logto.management.core.internal.http.PercentEncoding;
import io.logto.management.core.internal.http.Transport;
import io.logto.management.core.internal.http.UserAgent;
import io.logto.management.core.internal.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client-credentials token request: {@code POST {base}/oidc/token} with the secret in the form
 * ({@code client_secret_post}). Redirects are refused: the HTTP client given here must not follow
 * them, and a 3xx answer is an error, so the secret never reaches another host.
 */
final class TokenEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger("io.logto.management.core.token");

  private final HttpClient http;
  private final URI uri;
  private final String clientId;
  private final String clientSecret;
  // the same for every request: encoded once
  private final String form;
  private final Duration timeout;
  private final ObjectMapper mapper;
  private final Clock clock;

  TokenEndpoint(HttpClient http, String baseUrl, String clientId, String clientSecret, String resource,
      Duration timeout, ObjectMapper mapper, Clock clock) {
    if (http.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException("the token request's HTTP client must not follow redirects");
    }
    this.http = http;
    this.uri = URI.create(baseUrl + "/oidc/token");
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.form = PercentEncoding.query(List.of(
        Map.entry("grant_type", "client_credentials"),
        Map.entry("client_id", clientId),
        Map.entry("client_secret", clientSecret),
        Map.entry("resource", resource),
        Map.entry("scope", "all")));
    this.timeout = timeout;
    this.mapper = mapper;
    this.clock = clock;
  }

  Duration timeout() {
    return timeout;
  }

  CompletableFuture<AccessToken> request() {
    HttpRequest request = HttpRequest.newBuilder(uri)
        // the token timeout is enforced on the shared request; this later one only frees the connection
        .timeout(timeout.plusSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("User-Agent", UserAgent.VALUE)
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
        .build();
    Instant start = clock.instant();
    LOG.debug("POST {} (client_id={}, client_secret=<redacted>)", uri.getRawPath(), clientId);
    try {
      return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
          .handle((response, failure) -> {
            if (failure != null) {
              throw ioFailure(Transport.unwrap(failure));
            }
            LOG.debug("POST {} -> {}", uri.getRawPath(), response.statusCode());
            return parse(response, start);
          });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(ioFailure(e));
    }
  }

  private LogtoTokenException ioFailure(Throwable cause) {
    if (cause instanceof LogtoTokenException token) {
      return token;
    }
    String what = cause instanceof HttpTimeoutException
        ? "token request timed out after " + timeout
        : "token request failed: " + cause.getClass().getSimpleName();
    return new LogtoTokenException(what, OptionalInt.empty(), Optional.empty(), "", cause);
  }

  private AccessToken parse(HttpResponse<byte[]> response, Instant start) {
    int status = response.statusCode();
    byte[] body = response.body();
    String excerpt = redact(Json.excerpt(body));
    if (status >= 300 && status < 400) {
      throw failure("token endpoint answered " + status + " (redirects are refused)", status, null, excerpt);
    }
    JsonNode json = Json.objectOrNull(mapper, body);
    String code = json == null ? null : textOrNull(json.get("code"));
    if (status < 200 || status > 299) {
      String message = json == null ? null : textOrNull(json.get("message"));
      throw failure("token endpoint answered " + status + (code == null ? "" : " " + code)
          + (message == null ? "" : ": " + message), status, code, excerpt);
    }
    if (json == null) {
      throw failure("token endpoint answered " + status + " without a JSON object", status, null, excerpt);
    }
    String token = textOrNull(json.get("access_token"));
    if (token == null || token.isBlank()) {
      throw failure("token endpoint answered " + status + " without access_token", status, code, "");
    }
    JsonNode expiresIn = json.get("expires_in");
    if (expiresIn == null || !expiresIn.isNumber()) {
      throw failure("token endpoint answered " + status + " without a numeric expires_in", status, code, "");
    }
    Optional<String> scope = Optional.ofNullable(textOrNull(json.get("scope")));
    return new AccessToken(token, start.plusMillis((long) (expiresIn.asDouble() * 1000)), scope);
  }

  private String redact(String text) {
    return clientSecret.isEmpty() ? text : text.replace(clientSecret, "<redacted>");
  }

  // the server may echo what it was sent: every message passes through redact
  private LogtoTokenException failure(String message, int status, @Nullable String code, String excerpt) {
    return new LogtoTokenException(redact(message + (excerpt.isEmpty() ? "" : " [body: " + excerpt + "]")),
        OptionalInt.of(status), Optional.ofNullable(code), excerpt, null);
  }

  private static @Nullable String textOrNull(@Nullable JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
  }
}

package io.logto.management.core.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.AccessToken;
import io.logto.management.core.AttemptKind;
import io.logto.management.core.Interceptor;
import io.logto.management.core.LogtoException;
import io.logto.management.core.LogtoTimeoutException;
import io.logto.management.core.LogtoTokenException;
import io.logto.management.core.RawResponse;
import io.logto.management.core.RequestOptions;
import io.logto.management.core.internal.chain.Call;
import io.logto.management.core.internal.chain.Dispatch;
import io.logto.management.core.internal.chain.RealChain;
import io.logto.management.core.internal.http.Futures;
import io.logto.management.core.internal.http.UserAgent;
import io.logto.management.core.internal.json.Json;
import io.logto.management.core.internal.text.BodySummary;
import io.logto.management.core.internal.text.PercentEncoding;
import java.net.URI;
import java.net.http.HttpRequest;
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

/**
 * One client-credentials token request: {@code POST {base}/oidc/token} with the secret in the form
 * ({@code client_secret_post}). It travels the client's own attempt path (listeners, log, transport,
 * response size limit) as an attempt of kind {@link AttemptKind#TOKEN}, with the token timeout as its
 * request timeout. Redirects are refused: the client's HTTP client never follows them, and a 3xx
 * answer is an error, so the secret never reaches another host. Messages never quote the answer's
 * body: a malformed 200 may hold the token, an error page may echo the secret.
 */
public final class TokenEndpoint {
  static final String PATH = "/oidc/token";

  private final List<Interceptor> attemptPath;
  private final Dispatch dispatch;
  private final URI uri;
  private final String clientSecret;
  // the same for every request: encoded once
  private final String form;
  private final Duration timeout;
  private final ObjectMapper mapper;
  private final Clock clock;

  /**
   * Describes the client's token request.
   *
   * @param attemptPath the client's steps from the attempt step to the transport, which never
   *     follows redirects
   * @param dispatch the client's dispatch for futures: the token request never blocks a thread, even
   *     for a synchronous call, which waits on its future
   * @param baseUrl the server's base URL without a trailing slash
   * @param clientId the machine-to-machine application's id
   * @param clientSecret its secret; never logged nor put in messages
   * @param resource the API indicator the token is for
   * @param timeout the token request's timeout
   * @param mapper parses the answer
   * @param clock tells the time for expiry
   */
  public TokenEndpoint(List<Interceptor> attemptPath, Dispatch dispatch, String baseUrl, String clientId,
      String clientSecret, String resource, Duration timeout, ObjectMapper mapper, Clock clock) {
    this.attemptPath = List.copyOf(attemptPath);
    this.dispatch = dispatch;
    this.uri = URI.create(baseUrl + PATH);
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

  CompletableFuture<AccessToken> request() {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .header("User-Agent", UserAgent.VALUE)
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
        .build();
    Instant start = clock.instant();
    Call call = new Call(AttemptKind.TOKEN, dispatch, RequestOptions.defaults(), PATH);
    return RealChain.run(attemptPath, request, call).handle((response, failure) -> {
      if (failure != null) {
        throw ioFailure(Futures.unwrap(failure));
      }
      return parse(response, start);
    });
  }

  private LogtoTokenException ioFailure(Throwable cause) {
    if (cause instanceof LogtoTokenException token) {
      return token;
    }
    // the transport's own messages name the method, path and I/O failure, never a body
    String what = cause instanceof LogtoTimeoutException
        ? "token request timed out after " + timeout
        : "token request failed: " + (cause instanceof LogtoException && cause.getMessage() != null
            ? cause.getMessage() : cause.getClass().getSimpleName());
    return new LogtoTokenException(what, OptionalInt.empty(), Optional.empty(), new byte[0], cause);
  }

  private AccessToken parse(RawResponse response, Instant start) {
    int status = response.status();
    byte[] body = response.body();
    if (status >= 300 && status < 400) {
      throw failure("answered " + status + ", a redirect, which is never followed", response, null);
    }
    JsonNode json = Json.objectOrNull(mapper, body);
    String code = json == null ? null : textOrNull(json.get("code"));
    if (status < 200 || status > 299) {
      String message = json == null ? null : textOrNull(json.get("message"));
      String error = json == null ? null : textOrNull(json.get("error"));
      throw failure("answered " + status + (code == null ? "" : " " + code)
          + (code == null && error != null ? " " + error : "")
          + (message == null ? "" : ": " + message), response, code);
    }
    if (json == null) {
      throw failure("answered " + status + " without a JSON object", response, null);
    }
    String token = textOrNull(json.get("access_token"));
    if (token == null || token.isBlank()) {
      throw failure("answered " + status + " without access_token", response, code);
    }
    JsonNode expiresIn = json.get("expires_in");
    if (expiresIn == null || !expiresIn.isNumber()) {
      throw failure("answered " + status + " without a numeric expires_in", response, code);
    }
    Optional<String> scope = Optional.ofNullable(textOrNull(json.get("scope")));
    return new AccessToken(token, start.plusMillis((long) (expiresIn.asDouble() * 1000)), scope);
  }

  // the body is described, never quoted: it stays available through LogtoTokenException.body(); Logto's
  // message is quoted, but a server may echo what it was sent, so the secret is cut out of it
  private LogtoTokenException failure(String what, RawResponse response, @Nullable String code) {
    return new LogtoTokenException(("token endpoint " + what + " (" + BodySummary.of(response.headers(),
        response.body()) + ")").replace(clientSecret, "<redacted>"),
        OptionalInt.of(response.status()), Optional.ofNullable(code), response.body(), null);
  }

  private static @Nullable String textOrNull(@Nullable JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
  }
}

package io.logto.management.core.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.CallListener;
import io.logto.management.core.Interceptor;
import io.logto.management.core.RetryPolicy;
import io.logto.management.core.TokenProvider;
import io.logto.management.core.internal.auth.ClientCredentialsManager;
import io.logto.management.core.internal.auth.TokenEndpoint;
import io.logto.management.core.internal.chain.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What a {@link LogtoClient.Builder} held, frozen when the client is built, as the user set it (so a
 * {@link LogtoClient#newBuilder()} starts from the same choices), with what follows from it resolved
 * once: {@link #baseUri()} and {@link #resolvedApiIndicator()}. The secret never shows in
 * {@link #toString()}.
 */
record ClientSettings(Optional<String> tenantId, Optional<URI> baseUrl, Optional<String> apiIndicator,
    Optional<String> clientId, Optional<String> clientSecret, Optional<TokenProvider> tokenProvider,
    Optional<HttpClient> httpClient, ObjectMapper objectMapper, Optional<Duration> requestTimeout,
    Duration tokenTimeout, RetryPolicy retryPolicy, long maxResponseBytes, List<Interceptor> interceptors,
    List<CallListener> listeners, Clock clock, Optional<Sleeper> sleeper) {

  ClientSettings {
    interceptors = List.copyOf(interceptors);
    listeners = List.copyOf(listeners);
  }

  /**
   * Returns the base URL calls go to: the one set, or Logto Cloud's for the tenant.
   *
   * @return the base URL, without a trailing slash
   * @throws IllegalArgumentException when neither a tenant nor a base URL is set
   */
  URI baseUri() {
    return baseUrl.orElseGet(() -> URI.create("https://" + tenantId.orElseThrow(
        () -> new IllegalArgumentException("tenantId (Logto Cloud) or baseUrl (self-hosted) is required"))
        + ".logto.app"));
  }

  /**
   * Returns the API indicator the token is requested for: the one set, or the tenant's (tenant
   * {@code default}, self-hosted Logto's, when none is set).
   *
   * @return the indicator
   */
  String resolvedApiIndicator() {
    return apiIndicator.orElseGet(() -> "https://" + tenantId.orElse("default") + ".logto.app/api");
  }

  /**
   * Resolves where the client's tokens come from.
   *
   * @param endpoint makes the token endpoint of client credentials, when those are set
   * @return the custom provider or a client-credentials manager
   * @throws IllegalArgumentException when credentials are missing or conflict with a token provider
   */
  TokenProvider tokens(BiFunction<String, String, TokenEndpoint> endpoint) {
    if (tokenProvider.isPresent()) {
      if (clientId.isPresent() || clientSecret.isPresent()) {
        throw new IllegalArgumentException("set either tokenProvider or clientId and clientSecret, not both");
      }
      return tokenProvider.get();
    }
    String id = clientId.orElseThrow(() -> new IllegalArgumentException("clientId is required (or a tokenProvider)"));
    String secret = clientSecret.orElseThrow(
        () -> new IllegalArgumentException("clientSecret is required (or a tokenProvider)"));
    return new ClientCredentialsManager(endpoint.apply(id, secret), clock);
  }

  /**
   * Checks a base URL: absolute http(s), no user info, query or fragment.
   *
   * @param url the URL
   * @return the URL without trailing slashes
   * @throws IllegalArgumentException naming the URL, its user info redacted
   */
  static URI validBaseUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + withoutUserInfo(url));
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
      throw new IllegalArgumentException("baseUrl must not have user info, query or fragment: " + url.getHost());
    }
    return URI.create(stripTrailingSlashes(url.toString()));
  }

  // user info may hold a password: never show it
  private static String withoutUserInfo(URI url) {
    String userInfo = url.getRawUserInfo();
    return userInfo == null ? url.toString() : url.toString().replace(userInfo + "@", "<redacted>@");
  }

  static String stripTrailingSlashes(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '/') {
      end--;
    }
    return text.substring(0, end);
  }

  static String requireText(String value, String name) {
    requireNonNull(value, name + " == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
    return value;
  }

  @Override
  public String toString() {
    return "ClientSettings[baseUrl=" + baseUrl.map(URI::toString).orElse("-") + ", tenantId=" + tenantId.orElse("-")
        + ", clientSecret=" + (clientSecret.isPresent() ? "<redacted>" : "-") + "]";
  }
}

package io.logto.management.core.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.ApiRequest;
import io.logto.management.core.ApiResponse;
import io.logto.management.core.CallListener;
import io.logto.management.core.ClientCredentials;
import io.logto.management.core.Interceptor;
import io.logto.management.core.LogtoApiException;
import io.logto.management.core.LogtoException;
import io.logto.management.core.LogtoResponseException;
import io.logto.management.core.LogtoResponseTooLargeException;
import io.logto.management.core.LogtoTokenException;
import io.logto.management.core.LogtoTransportException;
import io.logto.management.core.Paginated;
import io.logto.management.core.Pagination;
import io.logto.management.core.RawResponse;
import io.logto.management.core.RequestOptions;
import io.logto.management.core.RetryPolicy;
import io.logto.management.core.TokenProvider;
import io.logto.management.core.internal.auth.TokenEndpoint;
import io.logto.management.core.internal.chain.Blocking;
import io.logto.management.core.internal.chain.ClientChain;
import io.logto.management.core.internal.chain.Dispatch;
import io.logto.management.core.internal.chain.Sleeper;
import io.logto.management.core.internal.http.HttpClients;
import io.logto.management.core.internal.http.SharedHttp;
import io.logto.management.core.internal.json.JavaTypes;
import io.logto.management.core.internal.json.Json;
import io.logto.management.core.internal.mapping.RequestFactory;
import io.logto.management.core.internal.mapping.ResponseDecoder;
import io.logto.management.core.internal.paging.Pager;
import io.logto.management.core.internal.time.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The entry point: sends authenticated, retried calls to the Logto Management API. Immutable and
 * thread-safe; share one instance, and {@link #close()} it when done (it owns an HTTP client and its
 * threads). Derive variants with {@link #newBuilder()}, which share the HTTP client and the token
 * cache.
 *
 * <pre>{@code
 * LogtoClient client = LogtoClient.builder()
 *     .tenantId("my-tenant")                 // Logto Cloud: https://my-tenant.logto.app
 *     .clientId(System.getenv("LOGTO_CLIENT_ID"))
 *     .clientSecret(System.getenv("LOGTO_CLIENT_SECRET"))
 *     .build();
 * JsonNode user = client.call(ApiRequest.get("/api/users/{userId}").pathParam("userId", id).build(),
 *     JsonNode.class, RequestOptions.defaults());
 * }</pre>
 *
 * <p>Response types: {@code String.class} gives the body as text, {@code byte[].class} the raw bytes,
 * {@code JsonNode.class} the JSON tree, {@code Void.class} ignores the body; any other type is decoded
 * from JSON with the client's {@link ObjectMapper}.
 */
public final class LogtoClient implements AutoCloseable {
  /** The default request timeout and token request timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** The default largest response body read, 32 MiB: far above any Logto answer, far below a heap. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

  private final ClientSettings settings;
  private final URI baseUrl;
  private final SharedHttp shared;
  private final TokenProvider tokens;
  private final ClientChain chain;
  private final RequestFactory requests;
  private final ResponseDecoder decoder;
  private final JavaTypes types;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LogtoClient(ClientSettings settings, URI baseUrl, SharedHttp shared, TokenProvider tokens,
      ClientChain chain) {
    this.settings = settings;
    this.baseUrl = baseUrl;
    this.shared = shared;
    this.tokens = tokens;
    this.chain = chain;
    this.requests = new RequestFactory(baseUrl.toString(), settings.objectMapper(), settings.requestTimeout());
    this.decoder = new ResponseDecoder(settings.objectMapper());
    this.types = new JavaTypes(settings.objectMapper());
  }

  /**
   * Starts configuring a client.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this client's settings that shares its HTTP client and, unless the base
   * URL, the credentials, the token source, the token timeout or the clock change, its token cache.
   * The variant it builds is closed on its own: the shared HTTP client is released when the last
   * client sharing it is closed. Building from it fails once all of them are closed.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    Builder copy = Builder.from(settings);
    copy.sharedHttp = shared;
    copy.sharedTokens = tokens;
    return copy;
  }

  /**
   * Closes this client: later calls fail with an {@link IllegalStateException}. When no other client
   * from {@link #newBuilder()} shares its HTTP client, the HTTP client the SDK built is released too:
   * its threads end and its connections close (on Java 21 and later through the JDK's own
   * {@code close()}, which lets exchanges in flight finish). An HTTP client passed to
   * {@link Builder#httpClient(HttpClient)} is left open: its owner closes it. Calling it again does
   * nothing.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      shared.release();
    }
  }

  /**
   * Returns the base URL calls are sent to.
   *
   * @return the base URL, without a trailing slash
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the client-credentials token manager, for reading or invalidating the token.
   *
   * @return the manager; empty when the client uses a custom {@link TokenProvider}
   */
  public Optional<ClientCredentials> clientCredentials() {
    return tokens instanceof ClientCredentials managed ? Optional.of(managed) : Optional.empty();
  }

  /**
   * Returns the mapper used for JSON bodies.
   *
   * @return the client's mapper; do not reconfigure it after building
   */
  public ObjectMapper objectMapper() {
    return settings.objectMapper();
  }

  /**
   * Returns the client's request timeout.
   *
   * @return the timeout; empty when disabled
   */
  public Optional<Duration> requestTimeout() {
    return settings.requestTimeout();
  }

  /**
   * Returns the client's retry policy.
   *
   * @return the policy calls use unless their options set another
   */
  public RetryPolicy retryPolicy() {
    return settings.retryPolicy();
  }

  /**
   * Returns the largest response body the client reads.
   *
   * @return the limit in bytes
   */
  public long maxResponseBytes() {
    return settings.maxResponseBytes();
  }

  /**
   * Sends a call and decodes the body.
   *
   * @param request the call
   * @param type the body type (see the class description for special types)
   * @param options per-call options
   * @param <T> the body type
   * @return the decoded body
   * @throws LogtoApiException for an error status
   * @throws LogtoTokenException when no token can be obtained
   * @throws LogtoTransportException for I/O failures and timeouts
   * @throws LogtoResponseException when the body does not decode
   */
  public <T> T call(ApiRequest request, Class<T> type, RequestOptions options) {
    JavaType answer = javaType(type);
    return decoder.decode(send(request, options, answer), answer);
  }

  /**
   * Sends a call and decodes the body into a generic type.
   *
   * @param request the call
   * @param type the body type, such as {@code new TypeReference<List<User>>() {}}
   * @param options per-call options
   * @param <T> the body type
   * @return the decoded body
   * @throws LogtoException as {@link #call(ApiRequest, Class, RequestOptions)}
   */
  public <T> T call(ApiRequest request, TypeReference<T> type, RequestOptions options) {
    JavaType answer = javaType(type);
    return decoder.decode(send(request, options, answer), answer);
  }

  /**
   * Sends a call whose body is ignored, such as a 204 answer.
   *
   * @param request the call
   * @param options per-call options
   * @throws LogtoException as {@link #call(ApiRequest, Class, RequestOptions)}
   */
  public void call(ApiRequest request, RequestOptions options) {
    decoder.throwIfError(send(request, options));
  }

  /**
   * Sends a call with default options and decodes the body.
   *
   * @param request the call
   * @param type the body type
   * @param <T> the body type
   * @return the decoded body
   * @throws LogtoException as {@link #call(ApiRequest, Class, RequestOptions)}
   */
  public <T> T call(ApiRequest request, Class<T> type) {
    return call(request, type, RequestOptions.defaults());
  }

  /**
   * Sends a call and returns the status and headers with the decoded body.
   *
   * @param request the call
   * @param type the body type
   * @param options per-call options
   * @param <T> the body type
   * @return the response
   * @throws LogtoException as {@link #call(ApiRequest, Class, RequestOptions)}
   */
  public <T> ApiResponse<T> exchange(ApiRequest request, Class<T> type, RequestOptions options) {
    JavaType answer = javaType(type);
    return toResponse(send(request, options, answer), answer);
  }

  /**
   * Sends a call and returns the status and headers with the body decoded into a generic type.
   *
   * @param request the call
   * @param type the body type
   * @param options per-call options
   * @param <T> the body type
   * @return the response
   * @throws LogtoException as {@link #call(ApiRequest, Class, RequestOptions)}
   */
  public <T> ApiResponse<T> exchange(ApiRequest request, TypeReference<T> type, RequestOptions options) {
    JavaType answer = javaType(type);
    return toResponse(send(request, options, answer), answer);
  }

  /**
   * Sends a call without blocking; token fetching, retries and backoff do not block a thread either.
   *
   * @param request the call
   * @param type the body type
   * @param options per-call options
   * @param <T> the body type
   * @return a future completing with the decoded body, or exceptionally with a {@link LogtoException}
   */
  public <T> CompletableFuture<T> callAsync(ApiRequest request, Class<T> type, RequestOptions options) {
    JavaType javaType = javaType(type);
    return sendAsync(request, options, response -> decoder.decode(response, javaType));
  }

  /**
   * Sends a call without blocking and decodes the body into a generic type.
   *
   * @param request the call
   * @param type the body type
   * @param options per-call options
   * @param <T> the body type
   * @return a future completing with the decoded body
   */
  public <T> CompletableFuture<T> callAsync(ApiRequest request, TypeReference<T> type, RequestOptions options) {
    JavaType javaType = javaType(type);
    return sendAsync(request, options, response -> decoder.decode(response, javaType));
  }

  /**
   * Sends a call without blocking and returns status, headers and the decoded body.
   *
   * @param request the call
   * @param type the body type
   * @param options per-call options
   * @param <T> the body type
   * @return a future completing with the response
   */
  public <T> CompletableFuture<ApiResponse<T>> exchangeAsync(ApiRequest request, Class<T> type,
      RequestOptions options) {
    JavaType javaType = javaType(type);
    return sendAsync(request, options, response -> toResponse(response, javaType));
  }

  /**
   * Lists every item of a paginated endpoint lazily, one page in memory at a time unless the listing is
   * told to fetch ahead ({@link Paginated#prefetch(int)}, {@link Paginated#parallel(int)}). The request
   * must not set {@code page} or {@code page_size}; they are replaced.
   *
   * @param request the list call
   * @param itemType the item type
   * @param pagination the start page and page size
   * @param options per-call options, applied to every page
   * @param <T> the item type
   * @return the lazy listing; each iteration starts again at the start page
   */
  public <T> Paginated<T> paginate(ApiRequest request, Class<T> itemType, Pagination pagination,
      RequestOptions options) {
    return paginate(request, javaType(itemType), pagination, options);
  }

  /**
   * Lists every item of a paginated endpoint, items decoded into a generic type.
   *
   * @param request the list call
   * @param itemType the item type
   * @param pagination the start page and page size
   * @param options per-call options
   * @param <T> the item type
   * @return the lazy listing
   */
  public <T> Paginated<T> paginate(ApiRequest request, TypeReference<T> itemType, Pagination pagination,
      RequestOptions options) {
    return paginate(request, javaType(itemType), pagination, options);
  }

  /**
   * Lists every item from page 1, 100 per page, with default options.
   *
   * @param request the list call
   * @param itemType the item type
   * @param <T> the item type
   * @return the lazy listing
   */
  public <T> Paginated<T> paginate(ApiRequest request, Class<T> itemType) {
    return paginate(request, itemType, Pagination.defaults(), RequestOptions.defaults());
  }

  private <T> Paginated<T> paginate(ApiRequest request, JavaType itemType, Pagination pagination,
      RequestOptions options) {
    requireNonNull(request, "request == null");
    requireNonNull(pagination, "pagination == null");
    requireNonNull(options, "options == null");
    return new Pager<>(request, itemType, pagination, page -> send(page, options),
        page -> sendAsync(page, options, Function.identity()), decoder);
  }

  private RawResponse send(ApiRequest request, RequestOptions options) {
    return send(request, options, () -> { });
  }

  // a first call waits for its token: meanwhile its thread builds the answer's decoder, which a cold
  // JVM would otherwise build after the answer arrived
  private RawResponse send(ApiRequest request, RequestOptions options, JavaType answer) {
    return send(request, options, () -> decoder.prepare(answer));
  }

  private RawResponse send(ApiRequest request, RequestOptions options, Runnable whileWaitingForToken) {
    requireNonNull(request, "request == null");
    requireNonNull(options, "options == null");
    if (closed.get()) {
      throw closed(request);
    }
    return Blocking.await(chain.send(requests.create(request, options), options, request.pathTemplate(),
        whileWaitingForToken), () -> request.method() + " " + request.path());
  }

  private <T> CompletableFuture<T> sendAsync(ApiRequest request, RequestOptions options,
      Function<RawResponse, T> answer) {
    requireNonNull(request, "request == null");
    requireNonNull(options, "options == null");
    if (closed.get()) {
      return CompletableFuture.failedFuture(closed(request));
    }
    return chain.sendAsync(requests.create(request, options), options, request.pathTemplate(), answer);
  }

  private static IllegalStateException closed(ApiRequest request) {
    return new IllegalStateException("this LogtoClient is closed: " + request.method() + " " + request.path()
        + " not sent");
  }

  private <T> ApiResponse<T> toResponse(RawResponse response, JavaType type) {
    T body = decoder.decode(response, type);
    return new ApiResponse<>(response.status(), response.headers(), body);
  }

  private JavaType javaType(Class<?> type) {
    return types.of(requireNonNull(type, "type == null"));
  }

  private JavaType javaType(TypeReference<?> type) {
    return types.of(requireNonNull(type, "type == null"));
  }

  /**
   * Describes the client without credentials.
   *
   * @return the base URL and token source kind
   */
  @Override
  public String toString() {
    return "LogtoClient[baseUrl=" + baseUrl + ", auth=" + (clientCredentials().isPresent() ? "client credentials"
        : "custom") + "]";
  }

  /**
   * Configures a {@link LogtoClient}; not thread-safe. Either {@link #tenantId(String)} (Logto Cloud) or
   * {@link #baseUrl(String)} (self-hosted) is required, and either {@link #clientId(String)} with
   * {@link #clientSecret(String)} or a {@link #tokenProvider(TokenProvider)}.
   */
  public static final class Builder {
    private Optional<String> tenantId = Optional.empty();
    private Optional<URI> baseUrl = Optional.empty();
    private Optional<String> apiIndicator = Optional.empty();
    private Optional<String> clientId = Optional.empty();
    private Optional<String> clientSecret = Optional.empty();
    private Optional<TokenProvider> tokenProvider = Optional.empty();
    private Optional<HttpClient> httpClient = Optional.empty();
    private ObjectMapper objectMapper = Json.defaultMapper();
    private Optional<Duration> requestTimeout = Optional.of(DEFAULT_TIMEOUT);
    private Duration tokenTimeout = DEFAULT_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private final List<Interceptor> interceptors = new ArrayList<>();
    private final List<CallListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Optional<Sleeper> sleeper = Optional.empty();
    private @Nullable SharedHttp sharedHttp;
    private @Nullable TokenProvider sharedTokens;

    private Builder() {}

    // a variant starts from what the client was built with
    private static Builder from(ClientSettings settings) {
      Builder builder = new Builder();
      builder.tenantId = settings.tenantId();
      builder.baseUrl = settings.baseUrl();
      builder.apiIndicator = settings.apiIndicator();
      builder.clientId = settings.clientId();
      builder.clientSecret = settings.clientSecret();
      builder.tokenProvider = settings.tokenProvider();
      builder.httpClient = settings.httpClient();
      builder.objectMapper = settings.objectMapper();
      builder.requestTimeout = settings.requestTimeout();
      builder.tokenTimeout = settings.tokenTimeout();
      builder.retryPolicy = settings.retryPolicy();
      builder.maxResponseBytes = settings.maxResponseBytes();
      builder.interceptors.addAll(settings.interceptors());
      builder.listeners.addAll(settings.listeners());
      builder.clock = settings.clock();
      builder.sleeper = settings.sleeper();
      return builder;
    }

    /**
     * Sets the Logto Cloud tenant: the base URL defaults to {@code https://{tenantId}.logto.app} and the
     * API indicator to {@code https://{tenantId}.logto.app/api}.
     *
     * @param tenantId the tenant id, such as {@code my-tenant}; {@code default} for self-hosted Logto
     * @return this builder
     * @throws IllegalArgumentException if blank or not a host label
     */
    public Builder tenantId(String tenantId) {
      requireNonNull(tenantId, "tenantId == null");
      if (tenantId.isBlank()) {
        throw new IllegalArgumentException("tenantId is blank");
      }
      if (!tenantId.matches("[A-Za-z0-9-]+")) {
        throw new IllegalArgumentException("tenantId must hold only letters, digits and '-': " + tenantId);
      }
      this.tenantId = Optional.of(tenantId);
      sharedTokens = null;
      return this;
    }

    /**
     * Sets the base URL of a self-hosted Logto, such as {@code https://auth.example.com}; trailing
     * slashes are ignored.
     *
     * @param baseUrl an absolute http or https URL
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http(s) URL
     */
    public Builder baseUrl(String baseUrl) {
      requireNonNull(baseUrl, "baseUrl == null");
      try {
        return baseUrl(new URI(baseUrl.trim()));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a URL: " + baseUrl, e);
      }
    }

    /**
     * Sets the base URL of a self-hosted Logto; trailing slashes are ignored.
     *
     * @param baseUrl an absolute http or https URL without query or fragment
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http(s) URL
     */
    public Builder baseUrl(URI baseUrl) {
      requireNonNull(baseUrl, "baseUrl == null");
      this.baseUrl = Optional.of(ClientSettings.validBaseUrl(baseUrl));
      sharedTokens = null;
      return this;
    }

    /**
     * Sets the Management API's resource indicator the token is requested for. Defaults to
     * {@code https://{tenantId}.logto.app/api}, with tenant {@code default} when no tenant is set (the
     * value of self-hosted Logto). Trailing slashes are ignored.
     *
     * @param apiIndicator the indicator
     * @return this builder
     */
    public Builder apiIndicator(String apiIndicator) {
      requireNonNull(apiIndicator, "apiIndicator == null");
      if (apiIndicator.isBlank()) {
        throw new IllegalArgumentException("apiIndicator is blank");
      }
      this.apiIndicator = Optional.of(ClientSettings.stripTrailingSlashes(apiIndicator.trim()));
      sharedTokens = null;
      return this;
    }

    /**
     * Sets the machine-to-machine application's id, for the client-credentials grant.
     *
     * @param clientId the application id
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder clientId(String clientId) {
      this.clientId = Optional.of(ClientSettings.requireText(clientId, "clientId"));
      sharedTokens = null;
      return this;
    }

    /**
     * Sets the machine-to-machine application's secret. It is sent only to the token endpoint and never
     * appears in logs, messages or {@code toString()}.
     *
     * @param clientSecret the secret
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Optional.of(ClientSettings.requireText(clientSecret, "clientSecret"));
      sharedTokens = null;
      return this;
    }

    /**
     * Uses a custom token source instead of client credentials; it is asked before each authenticated
     * call.
     *
     * @param tokenProvider the source, such as {@code TokenProvider.of(() -> vault.token())}
     * @return this builder
     */
    public Builder tokenProvider(TokenProvider tokenProvider) {
      this.tokenProvider = Optional.of(requireNonNull(tokenProvider, "tokenProvider == null"));
      sharedTokens = null;
      return this;
    }

    /**
     * Uses this JDK HTTP client instead of one built by the SDK. Redirects are never followed: if it
     * follows them, the SDK uses a copy of its settings that does not.
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Optional.of(requireNonNull(httpClient, "httpClient == null"));
      sharedHttp = null;
      sharedTokens = null;
      return this;
    }

    /**
     * Uses this mapper for JSON bodies. The default ignores unknown properties.
     *
     * @param objectMapper the mapper
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = requireNonNull(objectMapper, "objectMapper == null");
      return this;
    }

    /**
     * Sets the timeout of each API request attempt: the whole answer, headers and body, must arrive
     * within it, counted from the moment the attempt is sent. Default 10 s.
     *
     * @param requestTimeout the timeout, positive; {@link #noRequestTimeout()} disables it instead
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Optional.of(Durations.requirePositive(requestTimeout, "requestTimeout"));
      return this;
    }

    /**
     * Disables the request timeout: an attempt may then wait for its answer forever.
     *
     * @return this builder
     */
    public Builder noRequestTimeout() {
      this.requestTimeout = Optional.empty();
      return this;
    }

    /**
     * Sets the timeout of the token request's attempt, counted like the request timeout. Default 10 s.
     *
     * @param tokenTimeout the timeout, positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder tokenTimeout(Duration tokenTimeout) {
      this.tokenTimeout = Durations.requirePositive(tokenTimeout, "tokenTimeout");
      sharedTokens = null;
      return this;
    }

    /**
     * Sets the largest response body the client reads, token answers included. A larger answer fails
     * with a {@link LogtoResponseTooLargeException} as soon as its {@code Content-Length} (or, without
     * one, its bytes so far) exceeds the limit, and its connection is closed. Default
     * {@link #DEFAULT_MAX_RESPONSE_BYTES} (32 MiB).
     *
     * @param maxResponseBytes the limit in bytes, positive
     * @return this builder
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes <= 0) {
        throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      sharedTokens = null;
      return this;
    }

    /**
     * Sets the retry policy. Default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy; {@link RetryPolicy#none()} disables retries
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Adds an interceptor; interceptors run in the order added, outside retries and authentication.
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(requireNonNull(interceptor, "interceptor == null"));
      return this;
    }

    /**
     * Adds a listener told of every HTTP request a call sends, retries and the replay after a 401
     * included, with its attempt number, status or failure, duration and request id. Listeners run in
     * the order added; an exception from one is logged and ignored.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder addListener(CallListener listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Sets the clock used for token expiry, {@code Retry-After} dates and the retry time budget.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      sharedTokens = null;
      return this;
    }

    // tests replace the waits between retries
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Optional.of(requireNonNull(sleeper, "sleeper == null"));
      return this;
    }

    /**
     * Builds the client. No network I/O happens here.
     *
     * @return the client
     * @throws IllegalArgumentException if neither a tenant id nor a base URL is set, if credentials are
     *     missing or conflict with a token provider
     * @throws IllegalStateException if this builder came from {@link LogtoClient#newBuilder()} and every
     *     client sharing its HTTP client is closed
     */
    public LogtoClient build() {
      ClientSettings settings = new ClientSettings(tenantId, baseUrl, apiIndicator, clientId, clientSecret,
          tokenProvider, httpClient, objectMapper, requestTimeout, tokenTimeout, retryPolicy, maxResponseBytes,
          interceptors, listeners, clock, sleeper);
      URI base = settings.baseUri();
      SharedHttp shared = sharedHttp;
      if (shared != null && !shared.retain()) {
        throw new IllegalStateException("the LogtoClient this builder came from is closed, with all its variants");
      }
      if (shared == null) {
        shared = httpClient.map(http -> HttpClients.callers(http, DEFAULT_TIMEOUT))
            .orElseGet(() -> HttpClients.own(base, DEFAULT_TIMEOUT));
      }
      try {
        // token requests take the same attempt path as API calls: listeners, log, transport
        List<Interceptor> attemptPath = ClientChain.attemptPath(settings.listeners(), maxResponseBytes,
            shared.attemptIds(), shared.client().orElseThrow());
        Dispatch async = Dispatch.async(sleeper.orElse(Sleeper.SYSTEM));
        TokenProvider tokens = sharedTokens != null ? sharedTokens : settings.tokens((id, secret) ->
            new TokenEndpoint(attemptPath, async, base.toString(), id, secret, settings.resolvedApiIndicator(),
                tokenTimeout, objectMapper, clock));
        ClientChain chain = new ClientChain(settings.interceptors(), retryPolicy, clock, tokens, attemptPath,
            Dispatch.callerThread(sleeper.orElse(Sleeper.BLOCKING)), async);
        return new LogtoClient(settings, base, shared, tokens, chain);
      } catch (RuntimeException e) {
        shared.release();
        throw e;
      }
    }
  }
}

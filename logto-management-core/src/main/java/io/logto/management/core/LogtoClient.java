package io.logto.management.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.internal.http.PreparedRequest;
import io.logto.management.core.internal.http.SharedHttp;
import io.logto.management.core.internal.json.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import static java.util.Objects.requireNonNull;

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

  private final Settings settings;
  private final URI baseUrl;
  private final SharedHttp shared;
  private final Optional<ClientCredentials> credentials;
  private final TokenProvider tokens;
  private final ObjectMapper mapper;
  private final RequestFactory requests;
  private final ResponseDecoder decoder;
  private final List<Interceptor> interceptors;
  // one chain for every call; whether the caller waits on its thread is a property of the call
  private final Layer layers;
  private final AtomicBoolean closed = new AtomicBoolean();
  // resolving a JavaType walks Jackson's type factory on every call; cache per class, weakly held
  private final ClassValue<JavaType> classTypes = new ClassValue<>() {
    @Override
    protected JavaType computeValue(Class<?> type) {
      return mapper.constructType(type);
    }
  };
  private final ClassValue<ResolvedReference> referenceTypes = new ClassValue<>() {
    @Override
    protected ResolvedReference computeValue(Class<?> referenceClass) {
      if (!(referenceClass.getGenericSuperclass() instanceof java.lang.reflect.ParameterizedType parameterized)) {
        return new ResolvedReference(null, null); // never matches: such references are resolved per call
      }
      java.lang.reflect.Type type = parameterized.getActualTypeArguments()[0];
      return new ResolvedReference(type, mapper.constructType(type));
    }
  };

  private LogtoClient(Settings settings, URI baseUrl, SharedHttp shared, TokenProvider tokens, Layer attempts) {
    this.settings = settings;
    this.baseUrl = baseUrl;
    this.shared = shared;
    this.tokens = tokens;
    this.credentials = tokens instanceof ClientCredentials managed ? Optional.of(managed) : Optional.empty();
    this.mapper = settings.objectMapper();
    this.requests = new RequestFactory(baseUrl.toString(), mapper, settings.requestTimeout());
    this.decoder = new ResponseDecoder(mapper);
    this.interceptors = settings.interceptors();
    // the synchronous API runs every layer on the calling thread; the asynchronous one never waits
    this.layers = new RetryLayer(settings.retryPolicy(), settings.sleeper().orElse(Sleeper.BLOCKING),
        settings.sleeper().orElse(Sleeper.SYSTEM), settings.clock(), new AuthLayer(tokens, attempts));
  }

  // the path every request takes below retries and authentication, token requests included
  private static Layer attempts(Settings settings, SharedHttp shared, HttpClient http) {
    return new AttemptLayer(settings.listeners(), shared.attemptIds(), new Transport(http, settings.maxResponseBytes()));
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
    Builder copy = new Builder(settings);
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
    return credentials;
  }

  /**
   * Returns the mapper used for JSON bodies.
   *
   * @return the client's mapper; do not reconfigure it after building
   */
  public ObjectMapper objectMapper() {
    return mapper;
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
    CallControl control = CallControl.async(AttemptKind.API);
    return control.cancelledWith(
        sendAsync(request, options, control).thenApply(response -> decoder.decode(response, javaType)));
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
    CallControl control = CallControl.async(AttemptKind.API);
    return control.cancelledWith(
        sendAsync(request, options, control).thenApply(response -> decoder.decode(response, javaType)));
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
    CallControl control = CallControl.async(AttemptKind.API);
    return control.cancelledWith(
        sendAsync(request, options, control).thenApply(response -> toResponse(response, javaType)));
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
    return new Pager<>(request, itemType, pagination, page -> send(page, options), page -> {
      CallControl control = CallControl.async(AttemptKind.API);
      return control.cancelledWith(sendAsync(page, options, control));
    }, decoder);
  }

  private RawResponse send(ApiRequest request, RequestOptions options) {
    return send(request, options, CallControl.waiting(AttemptKind.API));
  }

  // a first call waits for its token: meanwhile its thread builds the answer's decoder, which a cold
  // JVM would otherwise build after the answer arrived
  private RawResponse send(ApiRequest request, RequestOptions options, JavaType answer) {
    CallControl control = CallControl.waiting(AttemptKind.API);
    control.whileWaitingForToken(() -> decoder.prepare(answer));
    return send(request, options, control);
  }

  private RawResponse send(ApiRequest request, RequestOptions options, CallControl control) {
    return Blocking.await(start(request, options, control), () -> request.method() + " " + request.path());
  }

  private CompletableFuture<RawResponse> sendAsync(ApiRequest request, RequestOptions options, CallControl control) {
    return start(request, options, control);
  }

  private CompletableFuture<RawResponse> start(ApiRequest request, RequestOptions options, CallControl control) {
    requireNonNull(request, "request == null");
    requireNonNull(options, "options == null");
    if (closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException(
          "this LogtoClient is closed: " + request.method() + " " + request.path() + " not sent"));
    }
    PreparedRequest httpRequest = requests.create(request, options);
    control.describe(request.pathTemplate());
    if (interceptors.isEmpty()) {
      return layers.send(httpRequest, options, control);
    }
    return InterceptorChain.run(interceptors, httpRequest, options, layers, control);
  }

  private <T> ApiResponse<T> toResponse(RawResponse response, JavaType type) {
    T body = decoder.decode(response, type);
    return new ApiResponse<>(response.status(), response.headers(), body);
  }

  private JavaType javaType(Class<?> type) {
    return classTypes.get(requireNonNull(type, "type == null"));
  }

  private JavaType javaType(TypeReference<?> type) {
    requireNonNull(type, "type == null");
    // a TypeReference's type comes from its anonymous class, so one entry per class stays bounded
    // by the classes loaded; the identity check covers subclasses that override getType()
    ResolvedReference resolved = referenceTypes.get(type.getClass());
    JavaType known = resolved.javaType();
    return known != null && resolved.type() == type.getType() ? known : mapper.constructType(type);
  }

  private record ResolvedReference(java.lang.reflect.@Nullable Type type, @Nullable JavaType javaType) {}

  /**
   * Describes the client without credentials.
   *
   * @return the base URL and token source kind
   */
  @Override
  public String toString() {
    return "LogtoClient[baseUrl=" + baseUrl + ", auth=" + (credentials.isPresent() ? "client credentials" : "custom")
        + "]";
  }

  // what the builder held, frozen; the secret never shows in toString()
  private record Settings(Optional<String> tenantId, Optional<URI> baseUrl, Optional<String> apiIndicator,
      Optional<String> clientId, Optional<String> clientSecret, Optional<TokenProvider> tokenProvider,
      Optional<HttpClient> httpClient, ObjectMapper objectMapper, Optional<Duration> requestTimeout,
      Duration tokenTimeout, RetryPolicy retryPolicy, long maxResponseBytes, List<Interceptor> interceptors,
      List<CallListener> listeners, Clock clock, Optional<Sleeper> sleeper) {
    @Override
    public String toString() {
      return "Settings[baseUrl=" + baseUrl.map(URI::toString).orElse("-") + ", tenantId=" + tenantId.orElse("-")
          + ", clientSecret=" + (clientSecret.isPresent() ? "<redacted>" : "-") + "]";
    }
  }

  private static final ThreadFactory HTTP_THREADS = new ThreadFactory() {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "logto-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  };

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

    private Builder(Settings settings) {
      tenantId = settings.tenantId();
      baseUrl = settings.baseUrl();
      apiIndicator = settings.apiIndicator();
      clientId = settings.clientId();
      clientSecret = settings.clientSecret();
      tokenProvider = settings.tokenProvider();
      httpClient = settings.httpClient();
      objectMapper = settings.objectMapper();
      requestTimeout = settings.requestTimeout();
      tokenTimeout = settings.tokenTimeout();
      retryPolicy = settings.retryPolicy();
      maxResponseBytes = settings.maxResponseBytes();
      interceptors.addAll(settings.interceptors());
      listeners.addAll(settings.listeners());
      clock = settings.clock();
      sleeper = settings.sleeper();
    }

    private Settings settings() {
      return new Settings(tenantId, baseUrl, apiIndicator, clientId, clientSecret, tokenProvider, httpClient,
          objectMapper, requestTimeout, tokenTimeout, retryPolicy, maxResponseBytes, List.copyOf(interceptors),
          List.copyOf(listeners), clock, sleeper);
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
      this.baseUrl = Optional.of(validateBaseUrl(baseUrl));
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
      this.apiIndicator = Optional.of(stripTrailingSlashes(apiIndicator.trim()));
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
      this.clientId = Optional.of(requireText(clientId, "clientId"));
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
      this.clientSecret = Optional.of(requireText(clientSecret, "clientSecret"));
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
      URI base = baseUrl.orElseGet(() -> URI.create("https://" + tenantId.orElseThrow(
          () -> new IllegalArgumentException("tenantId (Logto Cloud) or baseUrl (self-hosted) is required"))
          + ".logto.app"));
      Settings settings = settings();
      SharedHttp shared = sharedHttp;
      if (shared != null && !shared.retain()) {
        throw new IllegalStateException("the LogtoClient this builder came from is closed, with all its variants");
      }
      if (shared == null) {
        shared = httpClient.map(Builder::withoutRedirects).orElseGet(() -> defaultHttpClient(base));
      }
      HttpClient http = shared.client().orElseThrow();
      try {
        // token requests travel the same attempt path as API calls: listeners, log, transport
        Layer attempts = attempts(settings, shared, http);
        TokenProvider tokens = sharedTokens != null ? sharedTokens : tokens(base, attempts);
        return new LogtoClient(settings, base, shared, tokens, attempts);
      } catch (RuntimeException e) {
        shared.release();
        throw e;
      }
    }

    private TokenProvider tokens(URI base, Layer tokenAttempts) {
      if (tokenProvider.isPresent()) {
        if (clientId.isPresent() || clientSecret.isPresent()) {
          throw new IllegalArgumentException("set either tokenProvider or clientId and clientSecret, not both");
        }
        return tokenProvider.get();
      }
      String id = clientId.orElseThrow(
          () -> new IllegalArgumentException("clientId is required (or a tokenProvider)"));
      String secret = clientSecret.orElseThrow(
          () -> new IllegalArgumentException("clientSecret is required (or a tokenProvider)"));
      String indicator = apiIndicator.orElseGet(
          () -> "https://" + tenantId.orElse("default") + ".logto.app/api");
      return new ClientCredentialsManager(tokenAttempts, base.toString(), id, secret, indicator,
          tokenTimeout, objectMapper, clock);
    }

    private static SharedHttp defaultHttpClient(URI base) {
      // the SDK's own executor, so close() ends its threads on every Java version
      ExecutorService executor = Executors.newCachedThreadPool(HTTP_THREADS);
      // SLF4J starts on the executor's first thread while this thread builds the HTTP client; that
      // thread then serves the HTTP client
      Logging.startEarly(executor);
      HttpClient.Builder builder = HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(DEFAULT_TIMEOUT)
          .executor(executor);
      if ("http".equalsIgnoreCase(base.getScheme())) {
        // cleartext HTTP/2 starts with an upgrade, during which the JDK client holds back further
        // requests to the host: one unanswered request (a hung token request) would stall every call
        builder.version(HttpClient.Version.HTTP_1_1);
      }
      return new SharedHttp(builder.build(), true, executor);
    }

    // neither the secret nor a bearer token may follow a redirect to another host
    private static SharedHttp withoutRedirects(HttpClient http) {
      if (http.followRedirects() == HttpClient.Redirect.NEVER) {
        return new SharedHttp(http, false, null);
      }
      HttpClient.Builder builder = HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .sslContext(http.sslContext())
          .sslParameters(http.sslParameters())
          .version(http.version())
          .connectTimeout(http.connectTimeout().orElse(DEFAULT_TIMEOUT));
      http.proxy().ifPresent(builder::proxy);
      http.executor().ifPresent(builder::executor);
      http.authenticator().ifPresent(builder::authenticator);
      http.cookieHandler().ifPresent(builder::cookieHandler);
      // the copy is the SDK's to close; the executor stays the caller's
      return new SharedHttp(builder.build(), true, null);
    }

    private static URI validateBaseUrl(URI url) {
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

    private static String stripTrailingSlashes(String text) {
      int end = text.length();
      while (end > 0 && text.charAt(end - 1) == '/') {
        end--;
      }
      return text.substring(0, end);
    }

    private static String requireText(String value, String name) {
      requireNonNull(value, name + " == null");
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " is blank");
      }
      return value;
    }
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The loopback HTTP server: routes {@code /oidc/token} and {@code /api/...}, checks tokens, injects
 * faults, counts requests, and runs handlers one at a time on the store. Every response carries a
 * {@code Logto-Core-Request-Id}.
 */
public final class EmulatorServer implements AutoCloseable {
  /** The counter name of token requests. */
  public static final String TOKEN_COUNTER = "oidc.token";
  private static final AtomicInteger SERVERS = new AtomicInteger();

  /** A client registered at start: an M2M application with this id and secret. */
  public record ClientSpec(String id, String secret, boolean managementApiAccess) {
    @Override
    public String toString() {
      return "ClientSpec[id=" + id + ", secret=<redacted>, managementApiAccess=" + managementApiAccess + "]";
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  // immutable, so every emulator in the JVM shares one parse of the bundled list
  private static final OperationTable TABLE = OperationTable.load();
  private static final NotFoundRules NOT_FOUND = NotFoundRules.load(TABLE);
  private final Declarations handlers = new Declarations(TABLE, NOT_FOUND);
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Store store;
  private final Tokens tokens;
  private final TokenEndpoint tokenEndpoint;
  private final WebhookDispatcher webhooks;
  private final FaultPlan faults = new FaultPlan();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final String origin;
  private final String apiIndicator;

  public EmulatorServer(Clock clock, Duration tokenLifetime, String apiIndicator, List<ClientSpec> clients)
      throws IOException {
    JdkServerNoDelay.apply();
    this.apiIndicator = apiIndicator;
    this.store = new Store(clock, apiIndicator);
    this.tokens = new Tokens(clock);
    for (ClientSpec client : clients) {
      store.newApplication(client.id(), "LogtoEmulator client " + client.id(),
          Json.object().textNode("Machine-to-machine application registered when the emulator started"),
          "MachineToMachine", null, client.secret());
      if (client.managementApiAccess()) {
        Store.set(store.appRoles, client.id()).add(store.managementRoleId);
      }
    }
    webhooks = new WebhookDispatcher(store);
    RouteRegistry.declareAll(handlers, store, tokens, webhooks);
    handlers.checkComplete();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    int serverNumber = SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = runnable -> {
      Thread thread = new Thread(runnable, "logto-emulator-" + serverNumber + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    executor = Executors.newCachedThreadPool(factory);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    origin = "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    tokenEndpoint = new TokenEndpoint(store, tokens, tokenLifetime, origin + "/oidc");
    server.start();
  }

  public String origin() {
    return origin;
  }

  public String apiIndicator() {
    return apiIndicator;
  }

  /** What the emulator sent out: connector messages and webhook deliveries. */
  public Outbox outbox() {
    return store.outbox;
  }

  public FaultPlan faults() {
    return faults;
  }

  // --- connectors and custom domains (emu2b) ---

  /** Makes the emulator a Logto with no connector factory installed (as the recorded OSS server). */
  public void uninstallConnectorFactories() {
    lock.lock();
    try {
      store.connectors.uninstallFactories();
    } finally {
      lock.unlock();
    }
  }

  /** The custom domains; {@link DomainState#configureProvider()} makes domain operations work. */
  public DomainState domains() {
    return store.domains;
  }

  /** The user assets' storage; {@link UserAssetStorage#configure()} makes uploads work. */
  public UserAssetStorage userAssets() {
    return store.userAssets;
  }

  public void expireAllTokens() {
    tokens.expireAll();
  }

  /** Requests received per operationId (and {@code oidc.token}), sorted by name. */
  public Map<String, Long> counts() {
    Map<String, Long> snapshot = new TreeMap<>();
    counters.forEach((name, count) -> snapshot.put(name, count.get()));
    return snapshot;
  }

  public long count(String name) {
    AtomicLong count = counters.get(name);
    return count == null ? 0 : count.get();
  }

  public void resetCounts() {
    counters.clear();
  }

  /** Every operation's declaration (handler, token, 501, event, payload rule, not-found rule). */
  Declarations declarations() {
    return handlers;
  }

  /** The operationIds this emulator implements, sorted. */
  public List<String> supportedOperations() {
    return handlers.all().stream().filter(Declarations.Declaration::emulated)
        .map(declaration -> declaration.operation().operationId()).sorted().toList();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    webhooks.close();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final byte[] PARTIAL_BODY = "[{\"id\":".getBytes(StandardCharsets.US_ASCII);

  /** Thrown to make the JDK server close the connection before the answer is complete. */
  private static final class DroppedConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DroppedConnection() {
      super("connection dropped by fault injection", null, false, false);
    }
  }

  private void exchange(HttpExchange exchange) throws IOException {
    boolean dropped = false;
    try {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Duration latency = faults.latency();
      if (!latency.isZero()) {
        sleep(latency);
      }
      Reply reply;
      try {
        reply = route(exchange, body);
      } catch (DroppedConnection e) {
        dropped = true;
        // headers and the start of a body that never completes: the client gets an I/O error
        // mid-response, which java.net.http cannot mistake for a stale keep-alive connection and
        // silently retry. The exchange is deliberately left unclosed: closing it would let the JDK
        // server finish or pad the response on some versions; the escaping exception makes it drop
        // the connection instead.
        exchange.getResponseHeaders().set("Content-Type", ReplyWriter.JSON);
        exchange.getResponseHeaders().set("Logto-Core-Request-Id", ReplyWriter.requestId());
        exchange.sendResponseHeaders(200, 1024);
        exchange.getResponseBody().write(PARTIAL_BODY);
        exchange.getResponseBody().flush();
        throw e;
      } catch (RuntimeException e) {
        // a bug in a handler: answer it rather than hang up, so the test shows what failed
        reply = Reply.json(500, errorBody("emulator.internal_error", String.valueOf(e)));
      }
      ReplyWriter.send(exchange, reply);
    } finally {
      if (!dropped) {
        exchange.close();
      }
    }
  }

  private static void sleep(Duration latency) {
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Reply route(HttpExchange exchange, byte[] body) {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    Headers headers = exchange.getRequestHeaders();
    if (path.equals("/oidc/token") && method.equals("POST")) {
      increment(TOKEN_COUNTER);
      lock.lock();
      try {
        Reply reply = tokenEndpoint.handle(headers.getFirst("Content-Type"), headers.getFirst("Authorization"), body);
        LogRoutes.tokenIssued(store, body, headers.getFirst("Authorization"), reply, headers.getFirst("User-Agent"),
            clientIp(exchange));
        return reply;
      } finally {
        lock.unlock();
      }
    }
    if (path.startsWith(UserAssetStorage.PATH_PREFIX) && (method.equals("GET") || method.equals("HEAD"))) {
      return storedAsset(path.substring(UserAssetStorage.PATH_PREFIX.length()));
    }
    if (!path.startsWith("/api/")) {
      return notFound();
    }
    // like Koa's router, HEAD runs the GET route (the body is dropped when sent)
    OperationTable.Match match = TABLE.match(method.equals("HEAD") ? "GET" : method, path);
    if (match != null) {
      increment(match.operation().operationId());
    }
    Reply fault = injectedFault();
    if (fault != null) {
      return fault;
    }
    if (match == null) {
      // no route ran, so neither did the auth middleware: Koa's router answers on its own
      return unrouted(method, path);
    }
    Declarations.Declaration declaration = handlers.get(match.operation().operationId());
    if (declaration.requiresToken()) {
      ApiError denied = tokens.authenticate(headers.getFirst("Authorization"), apiIndicator);
      if (denied != null) {
        return error(denied);
      }
    }
    Call call = new Call(match.operation(), match.pathParams(), path, exchange.getRequestURI().getRawQuery(), body,
        headers.getFirst("Content-Type"), origin).headers(headers);
    if (declaration.needsKeyPair()) {
      Certificates.awaitKeyPair(); // outside the lock: a slow first key holds up only its own request
    }
    Reply reply;
    lock.lock();
    try {
      // what the hook payloads need from before the handler: the deleted user, an organization's members
      DataHookPayloads.Pending payloads = declaration.payloads().before(call);
      reply = declaration.handler().handle(call);
      webhooks.operationSucceeded(declaration, payloads, call, reply, headers.getFirst("User-Agent"),
          clientIp(exchange));
    } catch (ApiError e) {
      return error(NotFoundRules.answer(declaration.notFoundRule(), match.pathParams(), e));
    } finally {
      lock.unlock();
    }
    try {
      return reply.outsideLock() == null ? reply : reply.outsideLock().get();
    } catch (ApiError e) {
      return error(e);
    }
  }

  // the public bucket of uploaded user assets (served without a token, as a storage provider's public URL)
  private Reply storedAsset(String path) {
    io.logto.management.testkit.UserAsset asset = store.userAssets.at(path);
    return asset == null ? notFound() : Reply.bytes(200, asset.contentType(), asset.content());
  }

  private static String clientIp(HttpExchange exchange) {
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  private Reply injectedFault() {
    switch (faults.next()) {
      case DROP:
        throw new DroppedConnection();
      case RATE_LIMIT:
        return Reply.json(429, errorBody("emulator.rate_limited", "Too many requests (injected by LogtoEmulator)."))
            .header("Retry-After", Long.toString(Math.max(0, faults.retryAfter().toSeconds())));
      case FAIL:
        return Reply.json(faults.failureStatus(),
            errorBody("emulator.injected_failure", "Failure injected by LogtoEmulator."));
      default:
        return null;
    }
  }

  /**
   * A request no route takes: 405 with {@code Allow} when the path exists for other methods (200 to
   * {@code OPTIONS}), else 404, both as Koa's plain-text status answers.
   */
  private static Reply unrouted(String method, String path) {
    List<String> allowed = TABLE.allowedMethods(path);
    if (allowed.isEmpty()) {
      return notFound();
    }
    String allow = String.join(", ", allowed);
    if (method.equals("OPTIONS")) {
      return Reply.text(200, "").header("Allow", allow);
    }
    return Reply.text(405, "Method Not Allowed").header("Allow", allow);
  }

  private static Reply notFound() {
    return Reply.text(404, "Not Found");
  }

  private static ObjectNode errorBody(String code, String message) {
    ObjectNode body = Json.object();
    body.put("code", code).put("message", message);
    return body;
  }

  private static Reply error(ApiError error) {
    return Reply.json(error.status(), error.body());
  }

  private void increment(String name) {
    counters.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
  }
}

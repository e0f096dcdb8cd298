package io.logto.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for Logto answering the two calls the benchmark makes: {@code POST /oidc/token}
 * (counted) and {@code GET /api/users} (a pre-serialised page with Logto's headers). It also answers
 * {@code GET /_bench/token-requests} and {@code POST /_bench/reset} so a harness in another JVM can
 * read and reset the count.
 *
 * <p>Run as its own process by {@link CallBenchmark} (through {@link #main}) so that the server's
 * allocations and garbage collections never show up in the client's numbers.
 */
public final class LoopbackServer implements AutoCloseable {
  /** The access token the token endpoint issues and the users endpoint expects. */
  public static final String ACCESS_TOKEN = "bench-access-token-0123456789abcdefghijklmnopqrstuvwxyz";
  /** The client id the benchmark clients authenticate with. */
  public static final String CLIENT_ID = "bench-client";
  /** The client secret the benchmark clients authenticate with. */
  public static final String CLIENT_SECRET = "bench-secret";

  private static final String NODELAY = "sun.net.httpserver.nodelay";
  private static final byte[] UNAUTHORIZED = "{\"code\":\"auth.unauthorized\",\"message\":\"Unauthorized.\"}"
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] TOKEN_ANSWER = ("{\"access_token\":\"" + ACCESS_TOKEN
      + "\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"all\"}").getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor;
  private final byte[][] pages = new byte[101][];
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicLong requestIds = new AtomicLong(1_000_000L);
  private final Duration tokenDelay;
  private final int totalUsers;
  private final Duration pageDelay;

  private LoopbackServer(Duration tokenDelay, int totalUsers, Duration pageDelay) throws IOException {
    this.tokenDelay = tokenDelay;
    this.totalUsers = totalUsers;
    this.pageDelay = pageDelay;
    ObjectMapper mapper = new ObjectMapper();
    for (int size = 0; size <= 100; size++) {
      pages[size] = UserPage.json(mapper, size);
    }
    // The JDK server writes the response headers and the body in separate small writes. Without
    // TCP_NODELAY, Nagle's algorithm holds the second write until the client ACKs the first, and the
    // client delays that ACK by up to 40 ms: every exchange then stalls and any client tops out near
    // 25 calls/s, so the benchmark would measure the kernel's timers rather than the client. The
    // property is read once, when the server's configuration class loads, so it must be set before
    // the first HttpServer is created in this JVM (CallBenchmark also passes it on the command line).
    System.setProperty(NODELAY, "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2_048);
    executor = Executors.newFixedThreadPool(16, runnable -> {
      Thread thread = new Thread(runnable, "bench-server");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/api/users", this::users);
    server.createContext("/oidc/token", this::token);
    server.createContext("/_bench/token-requests", this::tokenCount);
    server.createContext("/_bench/reset", this::reset);
    server.start();
  }

  /**
   * Starts a server on an ephemeral loopback port.
   *
   * @param tokenDelay how long the token endpoint waits before answering, so that concurrent first
   *     calls really overlap the token request
   * @return the running server
   * @throws IOException if the port cannot be bound
   */
  public static LoopbackServer start(Duration tokenDelay) throws IOException {
    return new LoopbackServer(tokenDelay, UserPage.TOTAL_USERS, Duration.ZERO);
  }

  /**
   * Starts a server for paging: {@code totalUsers} users (the page of 100 repeated), each page
   * answered after {@code pageDelay}, as a remote Logto's round trip would.
   *
   * @param tokenDelay how long the token endpoint waits before answering
   * @param totalUsers the {@code Total-Number} and where the pages end
   * @param pageDelay how long each users page waits before answering
   * @return the running server
   * @throws IOException if the port cannot be bound
   */
  public static LoopbackServer start(Duration tokenDelay, int totalUsers, Duration pageDelay) throws IOException {
    return new LoopbackServer(tokenDelay, totalUsers, pageDelay);
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port on the loopback address
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Returns how many token requests arrived since the start or the last reset.
   *
   * @return the count
   */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * Runs the server as a process: prints {@code PORT <n>} on standard output, then serves until
   * standard input closes (the parent exited or closed the pipe).
   *
   * @param args none, or {@code <total users> <delay per page in ms>}
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : UserPage.TOTAL_USERS;
    Duration pageDelay = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 0);
    try (LoopbackServer server = start(Duration.ofMillis(50), total, pageDelay)) {
      System.out.println("PORT " + server.port());
      System.out.flush();
      InputStream in = System.in;
      while (in.read() >= 0) {
        // wait for the parent to go away
      }
    }
  }

  private void users(HttpExchange exchange) throws IOException {
    try {
      drain(exchange);
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, new byte[0]);
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (!("Bearer " + ACCESS_TOKEN).equals(authorization)) {
        send(exchange, 401, UNAUTHORIZED);
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      int page = intParam(query, "page", 1);
      int pageSize = Math.max(1, Math.min(100, intParam(query, "page_size", 20)));
      int lastPage = (totalUsers + pageSize - 1) / pageSize;
      byte[] body = page <= lastPage ? pages[pageSize] : pages[0];
      Headers headers = exchange.getResponseHeaders();
      // the security headers of a real answer (recording 024): their parsing is part of every call
      headers.add("Vary", "Accept-Encoding, Origin");
      headers.add("Cross-Origin-Resource-Policy", "same-origin");
      headers.add("Origin-Agent-Cluster", "?1");
      headers.add("Referrer-Policy", "strict-origin-when-cross-origin");
      headers.add("Strict-Transport-Security", "max-age=15552000; includeSubDomains");
      headers.add("X-Content-Type-Options", "nosniff");
      headers.add("X-Download-Options", "noopen");
      headers.add("X-Frame-Options", "SAMEORIGIN");
      headers.add("X-Permitted-Cross-Domain-Policies", "none");
      headers.add("X-XSS-Protection", "0");
      headers.add("Total-Number", Integer.toString(totalUsers));
      // like Logto, the links omit the /api prefix
      String origin = "http://localhost:" + port() + "/users?page_size=" + pageSize + "&page=";
      headers.add("Link", "<" + origin + 1 + ">; rel=\"first\"");
      if (page > 1) {
        headers.add("Link", "<" + origin + (page - 1) + ">; rel=\"prev\"");
      }
      if (page < lastPage) {
        headers.add("Link", "<" + origin + (page + 1) + ">; rel=\"next\"");
      }
      headers.add("Link", "<" + origin + lastPage + ">; rel=\"last\"");
      headers.add("ETag", "\"" + Integer.toHexString(body.length) + "-bench" + pageSize + "\"");
      headers.add("Logto-Core-Request-Id", Long.toString(requestIds.incrementAndGet(), 36));
      headers.add("Content-Type", "application/json; charset=utf-8");
      if (!pageDelay.isZero()) {
        try {
          Thread.sleep(pageDelay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      send(exchange, 200, body);
    } finally {
      exchange.close();
    }
  }

  private void token(HttpExchange exchange) throws IOException {
    try {
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, new byte[0]);
        return;
      }
      tokenRequests.incrementAndGet();
      if (!form.contains("grant_type=client_credentials")) {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        send(exchange, 400, "{\"error\":\"invalid_request\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      try {
        Thread.sleep(tokenDelay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.getResponseHeaders().add("Cache-Control", "no-store");
      send(exchange, 200, TOKEN_ANSWER);
    } finally {
      exchange.close();
    }
  }

  private void tokenCount(HttpExchange exchange) throws IOException {
    try {
      drain(exchange);
      exchange.getResponseHeaders().add("Content-Type", "text/plain");
      send(exchange, 200, Integer.toString(tokenRequests.get()).getBytes(StandardCharsets.US_ASCII));
    } finally {
      exchange.close();
    }
  }

  private void reset(HttpExchange exchange) throws IOException {
    try {
      drain(exchange);
      tokenRequests.set(0);
      send(exchange, 204, null);
    } finally {
      exchange.close();
    }
  }

  private static void drain(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (body == null || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static int intParam(String query, String name, int fallback) {
    if (query == null) {
      return fallback;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          return Integer.parseInt(pair.substring(eq + 1));
        } catch (NumberFormatException e) {
          return fallback;
        }
      }
    }
    return fallback;
  }

  /** Reads the single {@code PORT n} line a server process prints. */
  static int readPort(InputStream processOut) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(processOut, StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (line == null || !line.startsWith("PORT ")) {
      throw new IOException("the server process did not announce its port: " + line);
    }
    return Integer.parseInt(line.substring(5).trim());
  }
}

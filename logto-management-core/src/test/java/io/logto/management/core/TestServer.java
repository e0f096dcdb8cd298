package io.logto.management.core;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback HTTP server for tests: records every request and answers from scripts registered per
 * path. Unscripted paths answer 404.
 */
final class TestServer implements AutoCloseable {
  static {
    // without TCP_NODELAY, delayed ACKs make every exchange with the JDK server slow
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** A request as the server received it. */
  record Recorded(String method, String path, String query, Headers headers, byte[] body, int clientPort) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.getFirst(name));
    }
  }

  /** An answer to send. */
  record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean hang, Duration bodyDelay) {
    Reply(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean hang) {
      this(status, headers, body, hang, Duration.ZERO);
    }

    static Reply json(int status, String json) {
      return new Reply(status, List.of(Map.entry("Content-Type", "application/json; charset=utf-8")),
          json.getBytes(StandardCharsets.UTF_8), false);
    }

    static Reply text(int status, String contentType, String text) {
      return new Reply(status, List.of(Map.entry("Content-Type", contentType)),
          text.getBytes(StandardCharsets.UTF_8), false);
    }

    static Reply status(int status) {
      return new Reply(status, List.of(), new byte[0], false);
    }

    /** Sends the status line and headers, then never the promised body. */
    static Reply stallBody(int status) {
      return new Reply(status, List.of(), new byte[0], true);
    }

    /** Never answers; released when the server closes. */
    static Reply never() {
      return new Reply(0, List.of(), new byte[0], true);
    }

    Reply header(String name, String value) {
      List<Map.Entry<String, String>> more = new ArrayList<>(headers);
      more.add(Map.entry(name, value));
      return new Reply(status, more, body, hang, bodyDelay);
    }

    /** Sends the headers at once and the body only after {@code delay}. */
    Reply bodyAfter(Duration delay) {
      return new Reply(status, headers, body, hang, delay);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Recorded, Reply>> handlers = new ConcurrentHashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  private TestServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static TestServer start() {
    try {
      return new TestServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers requests to {@code path} (raw, without query) with {@code handler}. */
  TestServer on(String path, Function<Recorded, Reply> handler) {
    handlers.put(path, handler);
    return this;
  }

  /** Answers requests to {@code path} with the replies in order, repeating the last one. */
  TestServer replies(String path, Reply... replies) {
    AtomicInteger next = new AtomicInteger();
    return on(path, request -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
  }

  /** Serves tokens {@code token-1}, {@code token-2}, ... valid for an hour with scope {@code all}. */
  TestServer tokens() {
    AtomicInteger issued = new AtomicInteger();
    return on("/oidc/token", request -> Reply.json(200, "{\"access_token\":\"token-" + issued.incrementAndGet()
        + "\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"all\"}"));
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  List<Recorded> requests(String path) {
    return requests.stream().filter(request -> request.path().equals(path)).toList();
  }

  long count(String path) {
    return requests(path).size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body,
          exchange.getRemoteAddress().getPort());
      requests.add(request);
      Function<Recorded, Reply> handler = handlers.get(request.path());
      Reply reply = handler == null ? Reply.json(404, "{\"code\":\"test.unscripted\",\"message\":\"no script\"}")
          : handler.apply(request);
      if (reply.hang()) {
        if (reply.status() > 0) {
          // headers promise a body that never comes
          exchange.sendResponseHeaders(reply.status(), 1000);
          exchange.getResponseBody().flush();
        }
        closing.await(30, TimeUnit.SECONDS);
        return;
      }
      reply.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
      boolean empty = reply.body().length == 0 || reply.status() == 204 || "HEAD".equals(request.method());
      exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          if (!reply.bodyDelay().isZero()) {
            out.flush();
            Thread.sleep(reply.bodyDelay().toMillis());
          }
          out.write(reply.body());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      exchange.sendResponseHeaders(500, -1);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}

package io.logto.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A JDK HttpServer on loopback that records every request and plays queued answers. */
final class LoopbackServer implements AutoCloseable {
  /** What the server saw. */
  record Seen(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /** What the server answers. */
  record Answer(int status, String contentType, String body, Map<String, List<String>> headers) {
    static Answer json(int status, String body) {
      return new Answer(status, "application/json; charset=utf-8", body, Map.of());
    }

    static Answer noContent() {
      return new Answer(204, null, null, Map.of());
    }
  }

  private final HttpServer server;
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final List<Seen> seen = new ArrayList<>();

  LoopbackServer() throws IOException {
    // the JDK server otherwise delays small writes (Nagle) and loopback calls crawl
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized void enqueue(Answer answer) {
    answers.add(answer);
  }

  synchronized List<Seen> takeSeen() {
    List<Seen> copy = List.copyOf(seen);
    seen.clear();
    answers.clear();
    return copy;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Answer answer;
    synchronized (this) {
      seen.add(
          new Seen(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(exchange.getRequestHeaders()),
              body));
      answer = answers.isEmpty() ? new Answer(500, "text/plain", "no answer queued", Map.of()) : answers.poll();
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
    if (answer.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    }
    if (answer.body() == null) {
      exchange.sendResponseHeaders(answer.status(), -1);
      exchange.close();
      return;
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package io.logto.management.testkit.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a {@link Reply} to the JDK server's exchange as Logto's Koa server answers. */
final class ReplyWriter {
  static final String JSON = "application/json; charset=utf-8";
  private static final String REQUEST_ID_ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";

  private ReplyWriter() {}

  /** Sends the reply with a fresh {@code Logto-Core-Request-Id}; a HEAD request gets the headers only. */
  static void send(HttpExchange exchange, Reply reply) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    for (String[] header : reply.headers()) {
      headers.add(header[0], header[1]);
    }
    headers.set("Logto-Core-Request-Id", requestId());
    String text = reply.body() == null && reply.bytes() == null ? plainText(reply) : null;
    if (reply.body() == null && reply.bytes() == null && text == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    byte[] bytes = reply.bytes() != null ? reply.bytes()
        : text != null ? text.getBytes(StandardCharsets.UTF_8) : Json.write(reply.body());
    headers.set("Content-Type", reply.body() == null ? reply.textType() : JSON);
    if (exchange.getRequestMethod().equals("HEAD")) {
      headers.set("Content-Length", Integer.toString(bytes.length));
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * The text of a body-less answer: Koa answers a status without a body with its status text as
   * {@code text/plain} ({@code 201 Created}), except for the statuses that never carry one.
   */
  private static String plainText(Reply reply) {
    if (reply.text() != null) {
      return reply.text();
    }
    switch (reply.status()) {
      case 200:
        return "OK";
      case 201:
        return "Created";
      case 202:
        return "Accepted";
      default:
        return null;
    }
  }

  /** A random request id as Logto's {@code Logto-Core-Request-Id} carries. */
  static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] chars = new char[16];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = REQUEST_ID_ALPHABET.charAt(random.nextInt(REQUEST_ID_ALPHABET.length()));
    }
    return new String(chars);
  }
}

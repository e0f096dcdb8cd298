package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A handler's answer: status, extra headers (in order, repeatable) and an optional JSON or plain-text
 * body. A body-less answer other than 204 goes out as Koa sends it: the status text ({@code Created},
 * {@code OK}) as {@code text/plain}.
 */
final class Reply {
  private final int status;
  private final JsonNode body;
  private final String text;
  private final List<String[]> headers = new ArrayList<>();

  private Reply(int status, JsonNode body, String text) {
    this.status = status;
    this.body = body;
    this.text = text;
  }

  private Reply(int status, JsonNode body) {
    this(status, body, null);
  }

  /** A {@code text/plain; charset=utf-8} answer, like Koa's {@code Not Found} for an unknown route. */
  public static Reply text(int status, String text) {
    return new Reply(status, null, text);
  }

  public static Reply json(int status, JsonNode body) {
    return new Reply(status, body);
  }

  public static Reply ok(JsonNode body) {
    return new Reply(200, body);
  }

  public static Reply created(JsonNode body) {
    return new Reply(201, body);
  }

  /** A status with no body (204, or Logto's body-less 201s). */
  public static Reply empty(int status) {
    return new Reply(status, null);
  }

  /**
   * A {@code text/plain; charset=utf-8} body, as Logto sends for some 2xx answers ({@code 201 Created},
   * {@code 200 OK}: Koa's status text when a route sets no body) and for unknown routes ({@code Not Found}).
   */
  public static Reply text(int status, String text) {
    Reply reply = new Reply(status, null);
    reply.text = text;
    return reply;
  }

  /** The text body of a {@link #text} reply, else null. */
  public String text() {
    return text;
  }

  public Reply header(String name, String value) {
    headers.add(new String[] {name, value});
    return this;
  }

  public int status() {
    return status;
  }

  public JsonNode body() {
    return body;
  }

  /** The plain-text body, or null when the answer is JSON or has no body. */
  public String text() {
    return text;
  }

  public List<String[]> headers() {
    return headers;
  }
}

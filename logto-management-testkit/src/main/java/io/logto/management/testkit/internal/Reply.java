package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A handler's answer: status, extra headers (in order, repeatable) and an optional JSON or text body. */
final class Reply {
  private final int status;
  private final JsonNode body;
  private String text;
  // the Content-Type of a text body (text/plain unless a handler chose another: SAML metadata is XML)
  private String textType = "text/plain; charset=utf-8";
  private final List<String[]> headers = new ArrayList<>();

  private Reply(int status, JsonNode body) {
    this.status = status;
    this.body = body;
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

  /** A text body sent with exactly this {@code Content-Type} (Logto's SAML metadata is {@code text/xml}). */
  public static Reply text(int status, String contentType, String text) {
    Reply reply = new Reply(status, null);
    reply.text = text;
    reply.textType = contentType;
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

  /** The Content-Type of a text body. */
  public String textType() {
    return textType;
  }

  public List<String[]> headers() {
    return headers;
  }
}

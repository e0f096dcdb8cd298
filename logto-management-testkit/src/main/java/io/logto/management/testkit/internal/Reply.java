package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A handler's answer: status, extra headers (in order, repeatable) and an optional JSON or text
 * body. A body-less answer other than 204 goes out as Koa sends it: the status text ({@code Created},
 * {@code OK}) as {@code text/plain}.
 */
final class Reply {
  private static final String PLAIN = "text/plain; charset=utf-8";

  private final int status;
  private final JsonNode body;
  private final String text;
  // the Content-Type of a text body (text/plain unless a handler chose another: SAML metadata is XML)
  private final String textType;
  // a binary body (a stored user asset), sent with textType as its Content-Type
  private final byte[] bytes;
  private final List<String[]> headers = new ArrayList<>();
  // work the server runs after releasing the store's lock, whose answer replaces this one
  private java.util.function.Supplier<Reply> outsideLock;
  private JsonNode eventData;

  private Reply(int status, JsonNode body, String text, String textType, byte[] bytes) {
    this.status = status;
    this.body = body;
    this.text = text;
    this.textType = textType;
    this.bytes = bytes;
  }

  private Reply(int status, JsonNode body, String text, String textType) {
    this(status, body, text, textType, null);
  }

  private Reply(int status, JsonNode body) {
    this(status, body, null, PLAIN);
  }

  /** A binary body sent as is with this {@code Content-Type} (an uploaded user asset). */
  public static Reply bytes(int status, String contentType, byte[] bytes) {
    return new Reply(status, null, null, contentType, bytes);
  }

  /**
   * A {@code text/plain; charset=utf-8} body, as Logto sends for some 2xx answers ({@code 201 Created},
   * {@code 200 OK}: Koa's status text when a route sets no body) and for unknown routes ({@code Not Found}).
   */
  public static Reply text(int status, String text) {
    return new Reply(status, null, text, PLAIN);
  }

  /** A text body sent with exactly this {@code Content-Type} (Logto's SAML metadata is {@code text/xml}). */
  public static Reply text(int status, String contentType, String text) {
    return new Reply(status, null, text, contentType);
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

  /** A status with no body (204, or Logto's body-less 200s and 201s, sent as their status text). */
  public static Reply empty(int status) {
    return new Reply(status, null);
  }

  /**
   * An answer decided by {@code work}, which the server runs after releasing the store's lock: for a
   * handler that read what it needs under the lock and then waits on the outside world (a test call to
   * a webhook URL, which may point back at the emulator). {@code work} may throw {@link ApiError}.
   */
  public static Reply outsideLock(java.util.function.Supplier<Reply> work) {
    Reply reply = new Reply(500, null);
    reply.outsideLock = work;
    return reply;
  }

  /**
   * Sets what a webhook event of this answer carries as its {@code data} when the body cannot (a
   * deleted user's last state: the answer is empty and the user is gone once the handler ran).
   */
  Reply eventData(JsonNode data) {
    this.eventData = data;
    return this;
  }

  /** The webhook event's data set by the handler, or null for the body. */
  JsonNode eventData() {
    return eventData;
  }

  /** The work to run outside the lock, or null for a finished answer. */
  java.util.function.Supplier<Reply> outsideLock() {
    return outsideLock;
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

  /** The text body of a {@link #text} reply, else null. */
  public String text() {
    return text;
  }

  /** The body of a {@link #bytes} reply, else null. */
  public byte[] bytes() {
    return bytes;
  }

  /** The Content-Type of a text or binary body. */
  public String textType() {
    return textType;
  }

  public List<String[]> headers() {
    return headers;
  }
}

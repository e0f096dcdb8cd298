package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A handler's answer: status, extra headers (in order, repeatable) and an optional JSON body, or a
 * text body with its own content type.
 */
final class Reply {
  private final int status;
  private final JsonNode body;
  private final List<String[]> headers = new ArrayList<>();
  // a non-JSON answer (SAML metadata is XML): the text and its Content-Type
  private String text;
  private String textType;

  private Reply(int status, JsonNode body) {
    this.status = status;
    this.body = body;
  }

  /** A text body sent with exactly this {@code Content-Type} (Logto's SAML metadata is {@code text/xml}). */
  public static Reply text(int status, String contentType, String text) {
    Reply reply = new Reply(status, null);
    reply.text = text;
    reply.textType = contentType;
    return reply;
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

  /** The text body, or null for a JSON or empty answer. */
  public String text() {
    return text;
  }

  public String textType() {
    return textType;
  }

  public List<String[]> headers() {
    return headers;
  }
}

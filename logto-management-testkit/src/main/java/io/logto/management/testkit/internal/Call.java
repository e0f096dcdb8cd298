package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Management API request as a handler sees it: path parameters, query parameters in the order
 * sent (raw and decoded), and the body.
 */
final class Call {
  private final Operation operation;
  private final Map<String, String> pathParams;
  private final String rawPath;
  private final List<String[]> rawQuery;
  private final byte[] body;
  private final String contentType;
  private final String origin;
  private JsonNode json;
  private Map<String, List<String>> headers = Map.of();

  Call(Operation operation, Map<String, String> pathParams, String rawPath, String rawQuery, byte[] body,
      String contentType, String origin) {
    this.operation = operation;
    this.origin = origin;
    this.pathParams = pathParams;
    this.rawPath = rawPath;
    this.rawQuery = parseQuery(rawQuery);
    this.body = body;
    this.contentType = contentType;
  }

  static List<String[]> parseQuery(String rawQuery) {
    List<String[]> pairs = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return pairs;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      pairs.add(eq < 0 ? new String[] {pair, ""} : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
    }
    return pairs;
  }

  /** The operation the request was routed to. */
  public Operation operation() {
    return operation;
  }

  /**
   * The 501 for this operation when answering it as Logto does needs {@code missing}, something the
   * emulator cannot have (a browser, the internet, a script runtime).
   */
  public ApiError notEmulated(String missing) {
    return ApiError.notEmulated(operation, missing);
  }

  /** Attaches the request headers (names compared without case). */
  Call headers(Map<String, List<String>> requestHeaders) {
    this.headers = requestHeaders;
    return this;
  }

  /** The first value of a request header, or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }

  /** A path parameter, decoded. */
  public String param(String name) {
    return Objects.requireNonNull(pathParams.get(name), () -> "no path parameter " + name);
  }

  /** Every path parameter by its name in the operation's template, decoded. */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /** The request path as sent, percent-encoded, with the {@code /api} prefix. */
  public String rawPath() {
    return rawPath;
  }

  /** The server's origin ({@code http://127.0.0.1:port}), as Logto puts in its Link headers. */
  public String origin() {
    return origin;
  }

  /** The request body as sent. */
  public byte[] body() {
    return body;
  }

  /** The request's Content-Type, or null. */
  public String contentType() {
    return contentType;
  }

  /** Raw query pairs in the order sent. */
  public List<String[]> rawQuery() {
    return rawQuery;
  }

  /** The first value of a query parameter, decoded, or null. */
  public String query(String name) {
    for (String[] pair : rawQuery) {
      if (OperationTable.decode(pair[0]).equals(name)) {
        return OperationTable.decode(pair[1]);
      }
    }
    return null;
  }

  /** Every value of a query parameter, decoded, in order. */
  public List<String> queryAll(String name) {
    List<String> values = new ArrayList<>();
    for (String[] pair : rawQuery) {
      if (OperationTable.decode(pair[0]).equals(name)) {
        values.add(OperationTable.decode(pair[1]));
      }
    }
    return values;
  }

  /** The body parsed as JSON (400 with Logto's malformed-JSON answer when it is not JSON). */
  public JsonNode json() {
    if (json == null) {
      if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
        // Logto's body parser turns a form into an object of strings, which the same guard checks
        json = formFields();
      } else if (body.length == 0 || (contentType != null && !contentType.contains("json"))) {
        json = Json.object();
      } else {
        json = Json.parse(body);
      }
    }
    return json;
  }

  private ObjectNode formFields() {
    ObjectNode fields = Json.object();
    for (String[] pair : parseQuery(new String(body, StandardCharsets.UTF_8))) {
      fields.put(OperationTable.decode(pair[0].replace('+', ' ')), OperationTable.decode(pair[1].replace('+', ' ')));
    }
    return fields;
  }

  /** The required array of ids {@code field} of the JSON body (400 {@code guard.invalid_input} otherwise). */
  public List<String> ids(String field) {
    Guard guard = guard();
    List<String> ids = guard.strings(field, true);
    guard.check();
    return ids;
  }

  /** A guard over the JSON body. */
  public Guard guard() {
    return Guard.body(json());
  }
}

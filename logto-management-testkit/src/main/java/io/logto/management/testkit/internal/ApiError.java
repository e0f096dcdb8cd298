package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer in Logto's shape: {@code {"code", "message", "data"?, "details"?}}; thrown by
 * handlers and turned into a response by the server. No stack trace: it is control flow, not a bug.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient ObjectNode body;
  // the table and id of an entity a lookup did not find, when this error says so (see NotFoundRules)
  private final String missingTable;
  private final String missingId;

  private ApiError(int status, ObjectNode body) {
    this(status, body, null, null);
  }

  private ApiError(int status, ObjectNode body, String missingTable, String missingId) {
    super(body.path("message").asText(), null, false, false);
    this.status = status;
    this.body = body;
    this.missingTable = missingTable;
    this.missingId = missingId;
  }

  /** Status and body as given (the body may lack a {@code code}, like a malformed-JSON answer). */
  public static ApiError of(int status, ObjectNode body) {
    return new ApiError(status, body);
  }

  public static ApiError of(int status, String code, String message) {
    return of(status, code, message, null, null);
  }

  public static ApiError of(int status, String code, String message, JsonNode data, String details) {
    ObjectNode body = Json.object();
    body.put("code", code);
    if (data != null) {
      body.set("data", data);
    }
    if (details != null) {
      body.put("details", details);
    }
    body.put("message", message);
    return new ApiError(status, body);
  }

  /** 404 {@code entity.not_found}: what Logto's {@code pool.one} reads and its deletes answer for no row. */
  public static ApiError notFound() {
    return of(404, "entity.not_found", "The resource does not exist.");
  }

  /** 404 {@code entity.not_exists_with_id}: what Logto's {@code findEntityById} helpers answer. */
  public static ApiError notExistsWithId(String table, String id) {
    return of(404, "entity.not_exists_with_id", "The " + table + " with ID `" + id + "` does not exist.");
  }

  /** 404 {@code entity.not_exists}: what Logto's updates answer when no row matches ({@code UpdateError}). */
  public static ApiError notExists(String table) {
    return of(404, "entity.not_exists", "The " + singular(table) + " does not exist.");
  }

  /**
   * 422 for a relation to an entity that does not exist, as Logto's organization routes answer a
   * foreign key violation (elsewhere Logto answers it 404, see {@link #foreignKeyNotFound(int)}).
   */
  public static ApiError foreignKeyNotFound() {
    return foreignKeyNotFound(422);
  }

  /** A foreign key violation with this status ({@code entity.relation_foreign_key_not_found}). */
  public static ApiError foreignKeyNotFound(int status) {
    return of(status, "entity.relation_foreign_key_not_found",
        "Cannot find one or more foreign keys. Please check the input and ensure that all referenced entities exist.");
  }

  /**
   * This error, marked as the answer to a lookup that found no row {@code id} in {@code table}: the
   * server answers it by the operation's not-found rule when {@code id} is the path parameter the
   * rule names, and as it is otherwise.
   */
  public ApiError missing(String table, String id) {
    return new ApiError(status, body, table, id);
  }

  /** The table of the entity a lookup did not find, or null when this error is not such an answer. */
  public String missingTable() {
    return missingTable;
  }

  /** The id a lookup did not find, or null when this error is not such an answer. */
  public String missingId() {
    return missingId;
  }

  /** Logto's singular of a table name ({@code organization_roles} to {@code organization_role}). */
  static String singular(String table) {
    return table.endsWith("s") ? table.substring(0, table.length() - 1) : table;
  }

  /** 422 for a row whose unique key is taken. */
  public static ApiError alreadyExists() {
    return of(422, "entity.unique_integrity_violation",
        "The entity already exists. Please check the input and try again.");
  }

  /** 422 for an update that sets nothing (Logto's query builder refuses an empty value list). */
  public static ApiError emptyUpdate() {
    return of(422, "entity.invalid_input", "Invalid input. Value list must not be empty.");
  }

  /** 400 for a connector (or SSO connector) of another type than the route serves. */
  static ApiError unexpectedConnectorType() {
    return of(400, "connector.unexpected_type", "The connector's type is unexpected.");
  }

  /**
   * 501 for an operation whose answer needs what the emulator cannot have ({@code missing}, such as
   * "a JavaScript runtime for the user's script"); same code and data as an unimplemented operation.
   */
  public static ApiError notEmulated(Operation operation, String missing) {
    ObjectNode data = Json.object();
    data.put("operationId", operation.operationId()).put("method", operation.method())
        .put("path", operation.pathTemplate()).put("missing", missing);
    return of(501, "emulator.not_implemented", "LogtoEmulator cannot answer " + operation.operationId()
        + " as Logto does: it needs " + missing + ".", data, null);
  }

  public static ApiError malformedJson(String message) {
    ObjectNode body = Json.object();
    body.put("message", message);
    return new ApiError(400, body);
  }

  public int status() {
    return status;
  }

  public ObjectNode body() {
    return body;
  }
}

package io.logto.management.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import io.logto.management.model.ApplicationType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of one verified payload for the event factories. A field Logto always sends for an
 * event is read with a {@code required...} method, which fails with {@link PayloadException} naming the
 * field (never its value) when it is missing or of the wrong JSON type.
 */
final class Payload {
  private final ObjectNode json;
  private final ObjectMapper mapper;

  Payload(ObjectNode json, ObjectMapper mapper) {
    this.json = json;
    this.mapper = mapper;
  }

  /** A field is missing or of the wrong type; the decoder turns it into {@code BODY_MALFORMED}. */
  static final class PayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    PayloadException(String message) {
      super(message, null, false, false);
    }
  }

  ObjectNode json() {
    return json;
  }

  String event() throws PayloadException {
    return requiredText("event");
  }

  String hookId() throws PayloadException {
    return requiredText("hookId");
  }

  Instant createdAt() throws PayloadException {
    return createdAt(json);
  }

  /** The payload's {@code createdAt}, an ISO-8601 instant such as {@code 2026-12-07T00:42:30.682Z}. */
  static Instant createdAt(JsonNode json) throws PayloadException {
    JsonNode node = json.get("createdAt");
    if (node == null || !node.isTextual()) {
      throw new PayloadException("the payload has no createdAt text");
    }
    try {
      return Instant.parse(node.textValue());
    } catch (DateTimeParseException e) {
      throw new PayloadException("the payload's createdAt is not an ISO-8601 instant");
    }
  }

  /** Who or what caused the event; interaction events name the client's address {@code userIp}. */
  EventOrigin origin() throws PayloadException {
    String ip = text("ip");
    return new EventOrigin(
        ip != null ? ip : text("userIp"),
        text("userAgent"),
        apiCall(),
        text("interactionEvent"),
        text("sessionId"),
        text("applicationId"),
        application(),
        text("cimdClientId"));
  }

  private @Nullable ManagementApiCall apiCall() throws PayloadException {
    String method = text("method");
    String path = text("path");
    if (method == null || path == null) {
      return null;
    }
    JsonNode status = json.get("status");
    if (status == null || !status.canConvertToInt()) {
      throw new PayloadException("the payload names an API call but has no numeric status");
    }
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode node = json.get("params");
    if (node != null && node.isObject()) {
      for (Map.Entry<String, JsonNode> param : node.properties()) {
        if (param.getValue().isValueNode() && !param.getValue().isNull()) {
          params.put(param.getKey(), param.getValue().asText());
        }
      }
    }
    return new ManagementApiCall(method, path, status.intValue(), params, text("matchedRoute"));
  }

  private @Nullable ApplicationSummary application() throws PayloadException {
    JsonNode node = json.get("application");
    if (node == null || !node.isObject()) {
      return null;
    }
    String id = textOf(node, "id");
    String type = textOf(node, "type");
    String name = textOf(node, "name");
    if (id == null || type == null || name == null) {
      throw new PayloadException("the payload's application lacks its id, type or name");
    }
    return new ApplicationSummary(id, ApplicationType.fromValue(type), name, textOf(node, "description"));
  }

  /** The text of a top-level field, or null when it is absent, null or not text. */
  @Nullable String text(String name) {
    return textOf(json, name);
  }

  String requiredText(String name) throws PayloadException {
    String value = text(name);
    if (value == null) {
      throw new PayloadException("the payload has no " + name + " text");
    }
    return value;
  }

  /** The text of a route parameter of the API call, or null. */
  @Nullable String param(String name) {
    JsonNode params = json.get("params");
    return params == null ? null : textOf(params, name);
  }

  int requiredInt(String name) throws PayloadException {
    JsonNode node = json.get(name);
    if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new PayloadException("the payload has no integer " + name);
    }
    return node.intValue();
  }

  /** A list of texts, empty when the field is absent (Logto leaves empty id lists out). */
  List<String> texts(String name) throws PayloadException {
    JsonNode node = json.get(name);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new PayloadException("the payload's " + name + " is not a list");
    }
    List<String> values = new ArrayList<>(node.size());
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new PayloadException("the payload's " + name + " holds a value that is not text");
      }
      values.add(item.textValue());
    }
    return values;
  }

  /** A field bound to a record of the typed API, or null when absent or null. */
  <T> @Nullable T bound(String name, Class<T> type) throws PayloadException {
    JsonNode node = json.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return mapper.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      // Jackson's message may quote the payload: name the field and the type only
      throw new PayloadException("the payload's " + name + " is not a " + type.getSimpleName());
    }
  }

  <T> T requiredBound(String name, Class<T> type) throws PayloadException {
    T value = bound(name, type);
    if (value == null) {
      throw new PayloadException("the payload has no " + name);
    }
    return value;
  }

  /** A list field bound to records of the typed API, empty when absent. */
  <T> List<T> boundList(String name, Class<T> type) throws PayloadException {
    JsonNode node = json.get(name);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new PayloadException("the payload's " + name + " is not a list");
    }
    try {
      return mapper.readerForListOf(type).readValue(node);
    } catch (IOException e) {
      throw new PayloadException("the payload's " + name + " is not a list of " + type.getSimpleName());
    }
  }

  /** A field kept as JSON, or null when absent or null. */
  @Nullable JsonNode node(String name) {
    JsonNode node = json.get(name);
    return node == null || node.isNull() ? null : node;
  }

  private static @Nullable String textOf(JsonNode object, String name) {
    JsonNode node = object.get(name);
    return node != null && node.isTextual() ? node.textValue() : null;
  }
}

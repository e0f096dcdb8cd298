package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The installed connector factories and the connectors created from them (Logto's {@code connectors}
 * table: id, factory id, config, metadata, syncProfile, enableTokenStorage). Owned by the
 * {@link Store}; not thread-safe (the server serialises handlers).
 */
final class ConnectorState {
  private final Map<String, ConnectorFactory> factories = new LinkedHashMap<>();
  // insertion order is creation order, the order Logto lists them in
  private final Map<String, ObjectNode> connectors = new LinkedHashMap<>();

  ConnectorState(List<ConnectorFactory> installed) {
    installed.forEach(factory -> factories.put(factory.id(), factory));
  }

  /** Removes every factory (a server with none installed); only before the first connector is made. */
  void uninstallFactories() {
    factories.clear();
  }

  List<ConnectorFactory> factories() {
    return List.copyOf(factories.values());
  }

  /** The factory, or null. */
  ConnectorFactory factory(String id) {
    return factories.get(id);
  }

  List<ObjectNode> all() {
    return List.copyOf(connectors.values());
  }

  /** The stored connector, or 404 {@code entity.not_found} as Logto answers for connectors. */
  ObjectNode connector(String id) {
    ObjectNode connector = connectors.get(id);
    if (connector == null) {
      throw ApiError.notFound();
    }
    return connector;
  }

  boolean exists(String id) {
    return connectors.containsKey(id);
  }

  void put(ObjectNode connector) {
    connectors.put(connector.get("id").asText(), connector);
  }

  void remove(String id) {
    connectors.remove(id);
  }

  /** The factory a stored connector was made from. */
  ConnectorFactory factoryOf(ObjectNode connector) {
    return factories.get(connector.get("connectorId").asText());
  }

  /** The connectors of a type (Logto keeps at most one e-mail and one SMS connector). */
  List<ObjectNode> ofType(String type) {
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode connector : connectors.values()) {
      ConnectorFactory factory = factoryOf(connector);
      if (factory != null && factory.type().equals(type)) {
        found.add(connector);
      }
    }
    return found;
  }

  /** The targets of the social connectors (what a sign-in experience may offer). */
  java.util.Set<String> socialTargets() {
    java.util.Set<String> targets = new java.util.LinkedHashSet<>();
    for (ObjectNode connector : ofType(ConnectorFactory.SOCIAL)) {
      targets.add(factoryOf(connector).metadata().get("target").asText());
    }
    return targets;
  }

  /**
   * A connector as Logto answers it: the factory's type and metadata, then the stored id (in the
   * metadata's {@code id} slot), factory id, syncProfile, metadata, enableTokenStorage, isDemo and config.
   */
  ObjectNode json(ObjectNode connector) {
    ConnectorFactory factory = factoryOf(connector);
    ObjectNode json = Json.object().put("type", factory.type());
    json.setAll(factory.metadata());
    for (String field : List.of("id", "connectorId", "syncProfile", "metadata", "enableTokenStorage")) {
      json.set(field, connector.get(field).deepCopy());
    }
    json.put("isDemo", false);
    json.set("config", connector.get("config").deepCopy());
    return json;
  }

  /**
   * What the {@code clean-deep} package Logto runs over a connector's config does: drops nulls, empty
   * strings, and objects and arrays left empty, recursively.
   */
  static JsonNode cleanDeep(JsonNode node) {
    if (node.isObject()) {
      ObjectNode cleaned = Json.object();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = cleanDeep(field.getValue());
        if (!isEmpty(value)) {
          cleaned.set(field.getKey(), value);
        }
      }
      return cleaned;
    }
    if (node.isArray()) {
      ArrayNode cleaned = Json.array();
      for (JsonNode element : node) {
        JsonNode value = cleanDeep(element);
        if (!isEmpty(value)) {
          cleaned.add(value);
        }
      }
      return cleaned;
    }
    return node;
  }

  private static boolean isEmpty(JsonNode node) {
    return node.isNull() || (node.isTextual() && node.asText().isEmpty()) || (node.isContainerNode() && node.isEmpty());
  }
}

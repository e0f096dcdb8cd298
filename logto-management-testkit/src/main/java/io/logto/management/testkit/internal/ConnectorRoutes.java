package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Connector factories and connectors: create (one instance per non-standard factory, one e-mail and
 * one SMS connector at most), list, get, update, delete, the social authorization URI, as Logto 1.42
 * answers them.
 */
final class ConnectorRoutes {
  private static final int ID_LENGTH = 12;
  private static final int MAX_ID_LENGTH = 128;
  // the phone and e-mail patterns of Logto's core-kit
  private static final Pattern DIGITS = Pattern.compile("^\\d+$");
  private static final Pattern EMAIL_ADDRESS = Pattern.compile("^\\S+@\\S+\\.\\S+$");

  private final Store store;
  private final ConnectorState state;

  ConnectorRoutes(Store store) {
    this.store = store;
    this.state = store.connectors;
  }

  void register(Declarations handlers) {
    handlers.declare("ListConnectorFactories", call -> {
      List<JsonNode> factories = new ArrayList<>();
      state.factories().forEach(factory -> factories.add(factory.json()));
      return Reply.ok(Json.arrayOf(factories));
    });
    handlers.declare("GetConnectorFactory", call -> {
      ConnectorFactory factory = state.factory(call.param("id"));
      if (factory == null) {
        throw ApiError.notFound();
      }
      return Reply.ok(factory.json());
    });
    handlers.declare("ListConnectors", call -> {
      String target = call.query("target");
      List<JsonNode> items = new ArrayList<>();
      for (ObjectNode connector : state.all()) {
        ObjectNode json = state.json(connector);
        if (target == null || target.isEmpty() || target.equals(json.get("target").asText())) {
          items.add(json);
        }
      }
      return Reply.ok(Json.arrayOf(items));
    });
    handlers.declare("GetConnector", call -> Reply.ok(state.json(state.connector(call.param("id")))));
    handlers.declare("CreateConnector", this::create);
    handlers.declare("UpdateConnector", this::update);
    handlers.declare("DeleteConnector", call -> {
      state.connector(call.param("id"));
      store.cascades.deleteConnector(call.param("id"));
      return Reply.empty(204);
    });
    handlers.declare("CreateConnectorAuthorizationUri", this::authorizationUri);
    handlers.declare("CreateConnectorTest", this::test);
  }

  private Reply create(Call call) {
    Guard guard = call.guard();
    ObjectNode config = guard.object("config", false);
    String factoryId = guard.atMost("connectorId", guard.name("connectorId"), MAX_ID_LENGTH);
    ObjectNode metadata = guard.object("metadata", false);
    Boolean syncProfile = guard.bool("syncProfile", false);
    Boolean tokenStorage = guard.bool("enableTokenStorage", false);
    String id = guard.atMost("id", guard.optionalName("id"), MAX_ID_LENGTH);
    guard.check();
    ConnectorFactory factory = state.factory(factoryId);
    if (factory == null) {
      throw ApiError.of(422, "connector.not_found_with_connector_id",
          "Can not find connector with given standard connector id.");
    }
    // the built-in factories are not "standard" ones: their metadata is fixed, one instance each
    if (metadata != null) {
      throw cannotOverwriteMetadata();
    }
    for (ObjectNode existing : state.all()) {
      if (existing.get("connectorId").asText().equals(factoryId)) {
        throw ApiError.of(422, "connector.multiple_instances_not_supported",
            "Can not create multiple instance with picked standard connector.");
      }
    }
    if (config != null) {
      factory.validate(config);
    }
    String connectorId = id != null ? id : store.id(ID_LENGTH);
    if (state.exists(connectorId)) {
      throw ApiError.of(422, "entity.unique_integrity_violation", "The entity already exists.");
    }
    ObjectNode connector = Json.object();
    connector.put("tenantId", Store.TENANT).put("id", connectorId)
        .put("syncProfile", syncProfile != null && syncProfile).put("connectorId", factoryId);
    connector.set("config", config == null ? Json.object() : ConnectorState.cleanDeep(config));
    connector.set("metadata", Json.object());
    connector.put("enableTokenStorage", tokenStorage != null && tokenStorage).put("createdAt", store.now());
    // Logto keeps one working e-mail and one SMS connector: a new one replaces the old
    if (factory.channel() != null) {
      state.ofType(factory.type()).forEach(old -> store.cascades.deleteConnector(old.get("id").asText()));
      store.outbox.connectorConfigured(factory.channel(), connectorId);
    }
    state.put(connector);
    return Reply.ok(state.json(connector));
  }

  private Reply update(Call call) {
    Guard guard = call.guard();
    ObjectNode config = guard.object("config", false);
    ObjectNode metadata = guard.object("metadata", false);
    Boolean syncProfile = guard.bool("syncProfile", false);
    Boolean tokenStorage = guard.bool("enableTokenStorage", false);
    guard.check();
    ObjectNode connector = state.connector(call.param("id"));
    ConnectorFactory factory = state.factoryOf(connector);
    if (metadata != null) {
      throw cannotOverwriteMetadata();
    }
    if (Boolean.TRUE.equals(syncProfile) && !factory.type().equals(ConnectorFactory.SOCIAL)) {
      throw ApiError.of(422, "connector.invalid_type_for_syncing_profile",
          "You can only sync user profile with social connectors.");
    }
    if (config != null) {
      factory.validate(config);
      // Logto replaces the whole config (jsonb "replace" mode)
      JsonNode cleaned = ConnectorState.cleanDeep(config);
      if (!cleaned.isEmpty()) {
        connector.set("config", cleaned);
      }
    }
    if (syncProfile != null) {
      connector.put("syncProfile", syncProfile);
    }
    if (tokenStorage != null) {
      connector.put("enableTokenStorage", tokenStorage);
    }
    return Reply.ok(state.json(connector));
  }

  private Reply authorizationUri(Call call) {
    Guard guard = call.guard();
    String stateValue = guard.string("state", true);
    String redirectUri = guard.string("redirectUri", true);
    guard.check();
    if (stateValue.isEmpty() || redirectUri.isEmpty()) {
      throw ApiError.of(400, "session.insufficient_info", "Insufficient sign-in info.");
    }
    ObjectNode connector = state.connector(call.param("connectorId"));
    if (!state.factoryOf(connector).type().equals(ConnectorFactory.SOCIAL)) {
      throw ApiError.unexpectedConnectorType();
    }
    // the mock social connector's URI: its fixed host with state, redirect_uri and the default scope
    String redirectTo = "http://mock-social/?state=" + form(stateValue) + "&redirect_uri=" + form(redirectUri)
        + "&scope=" + form("email profile");
    return Reply.ok(Json.object().put("redirectTo", redirectTo));
  }

  // Logto sends a test message with the config being edited, before any connector is saved
  private Reply test(Call call) {
    Guard guard = call.guard();
    String phone = guard.matching("phone", DIGITS);
    String email = guard.matching("email", EMAIL_ADDRESS);
    ObjectNode config = guard.object("config", true);
    guard.string("locale", false);
    guard.check();
    String to = phone != null ? phone : email;
    if (to == null) {
      // Logto throws this error without naming the part of the request, so its message keeps the placeholder
      throw ApiError.of(400, "guard.invalid_input", "The request {{type}} is invalid.");
    }
    String expected = phone != null ? ConnectorFactory.SMS : ConnectorFactory.EMAIL;
    ConnectorFactory factory = state.factory(call.param("factoryId"));
    if (factory == null || factory.channel() == null) {
      throw ApiError.of(400, "connector.not_found", "Cannot find any available connector for type: " + expected + ".");
    }
    if (!factory.type().equals(expected)) {
      throw ApiError.unexpectedConnectorType();
    }
    // no connector exists yet: the message names the factory as its sender
    store.outbox.send(factory.message(config, to, "Generic", Map.of("code", "000000"), factory.id(),
        Instant.ofEpochMilli(store.now())));
    return Reply.empty(204);
  }

  private static ApiError cannotOverwriteMetadata() {
    return ApiError.of(400, "connector.cannot_overwrite_metadata_for_non_standard_connector",
        "This connector's 'metadata' cannot be overwritten.");
  }

  // URLSearchParams encoding: spaces become '+'
  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

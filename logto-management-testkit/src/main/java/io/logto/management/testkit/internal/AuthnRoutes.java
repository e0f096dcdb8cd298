package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code /api/authn}: Hasura's webhook authentication, and the SAML assertion consumer endpoints of
 * social and enterprise SSO connectors. The Hasura answer is computed from the emulator's tokens as Logto
 * computes it; the assertion endpoints refuse what Logto refuses, and a well-formed assertion, which
 * belongs to a browser sign-in the emulator cannot have begun, answers 501 (or, for the built-in social
 * connector, Logto's own 501: it cannot take SAML assertions).
 */
final class AuthnRoutes {
  private final Store store;
  private final Tokens tokens;

  AuthnRoutes(Store store, Tokens tokens) {
    this.store = store;
    this.tokens = tokens;
  }

  void register(Declarations handlers) {
    handlers.declare("GetHasuraAuth", this::hasura);
    handlers.declare("AssertSaml", this::socialAssertion);
    handlers.declare("AssertSingleSignOnSaml", this::ssoAssertion);
  }

  private Reply hasura(Call call) {
    ObjectNode query = Json.object();
    for (String name : new String[] {"resource", "unauthorizedRole"}) {
      if (call.query(name) != null) {
        query.put(name, call.query(name));
      }
    }
    Guard guard = Guard.query(query);
    String resource = guard.name("resource");
    String unauthorizedRole = guard.string("unauthorizedRole", false);
    guard.check();
    String expectedRole = call.header("Expected-Role");
    String token = bearer(call.header("Authorization"));
    String subject = token == null ? null : tokens.subject(token, resource);
    // the emulator's tokens belong to applications, which hold no user roles: an expected role is never held
    ObjectNode answer = Json.object();
    if (unauthorizedRole != null) {
      // Logto checks the token again without the resource: a token for another API still names its subject
      String anySubject = subject != null || token == null ? subject : tokens.subject(token, null);
      putIfPresent(answer, "X-Hasura-User-Id", anySubject);
      answer.put("X-Hasura-Role", unauthorizedRole);
      return Reply.ok(answer);
    }
    if (expectedRole != null) {
      throw ApiError.of(401, "auth.expected_role_not_found",
          "Expected role not found. Please check your user roles and permissions.");
    }
    putIfPresent(answer, "X-Hasura-User-Id", subject);
    return Reply.ok(answer);
  }

  // the deprecated assertion endpoint of SAML social connectors
  private Reply socialAssertion(Call call) {
    JsonNode body = call.json();
    Guard.body(body);
    String connectorId = call.param("connectorId");
    if (!store.connectors.exists(connectorId)) {
      throw ApiError.of(422, "session.invalid_connector_id",
          "Unable to find available connector with id " + connectorId + ".");
    }
    ObjectNode connector = store.connectors.connector(connectorId);
    if (!store.connectors.factoryOf(connector).type().equals(ConnectorFactory.SOCIAL)) {
      throw ApiError.unexpectedConnectorType();
    }
    if (!body.path("SAMLResponse").isTextual() || !body.path("RelayState").isTextual()) {
      throw ApiError.of(400, "connector.invalid_response", "The connector's response is invalid.");
    }
    // the only social factory the emulator has is the mock one, which has no SAML assertion support
    ObjectNode data = Json.object().put("message", "Method `validateSamlAssertion()` is not implemented.");
    throw ApiError.of(501, "connector.not_implemented", "{{method}}: has not been implemented yet.",
        Json.object().put("name", "ConnectorError").set("data", data), null);
  }

  private Reply ssoAssertion(Call call) {
    Guard guard = call.guard();
    String relayState = guard.string("RelayState", false);
    guard.string("SAMLResponse", true);
    guard.check();
    String id = call.param("connectorId");
    ObjectNode connector = store.ssoConnectors.get(id);
    if (connector == null) {
      throw ApiError.notExistsWithId("sso_connectors", id);
    }
    if (!SsoProvider.byName(connector.get("providerName").asText()).saml()) {
      throw ApiError.unexpectedConnectorType();
    }
    if (relayState == null) {
      // IdP-initiated sign-in is a dev feature, off in a production Logto
      throw ApiError.of(404, "session.connector_validation_session_not_found",
          "The connector session for token validation is not found.");
    }
    throw call.notEmulated("the SSO sign-in session the RelayState names, begun in a browser through"
        + " Logto's experience API, to accept the IdP's assertion");
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    return authorization.substring(7).trim();
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}

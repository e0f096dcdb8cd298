package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /oidc/token} with the {@code client_credentials} grant, answering like Logto's
 * oidc-provider: the client authenticates with an application secret in the form body or HTTP Basic;
 * the token carries the requested scopes the application holds on the resource through its roles
 * (none requested or none held: a token without {@code scope}).
 */
final class TokenEndpoint {
  private final Store store;
  private final Tokens tokens;
  private final Duration lifetime;
  private final String issuer;

  TokenEndpoint(Store store, Tokens tokens, Duration lifetime, String issuer) {
    this.store = store;
    this.tokens = tokens;
    this.lifetime = lifetime;
    this.issuer = issuer;
  }

  Reply handle(String contentType, String authorization, byte[] body) {
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT)
        .startsWith("application/x-www-form-urlencoded")) {
      return error(400, "invalid_request", "Request is invalid.",
          "only application/x-www-form-urlencoded content-type bodies are supported on POST /token");
    }
    Map<String, String> form = parseForm(new String(body, StandardCharsets.UTF_8));
    String grantType = form.get("grant_type");
    if (grantType == null || grantType.isEmpty()) {
      return error(400, "invalid_request", "Request is invalid.", "missing required parameter 'grant_type'");
    }
    if (!grantType.equals("client_credentials")) {
      return error(400, "unsupported_grant_type", null, "unsupported grant_type requested");
    }
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return error(400, "invalid_request", "Request is invalid.", "invalid authorization header value format");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return error(400, "invalid_request", "Request is invalid.", "invalid authorization header value format");
      }
      clientId = formDecode(decoded.substring(0, colon));
      secret = formDecode(decoded.substring(colon + 1));
    }
    if (clientId == null || clientId.isEmpty()) {
      return error(400, "invalid_client", null, "no client authentication mechanism provided");
    }
    ObjectNode app = store.applications.get(clientId);
    if (app == null) {
      return error(400, "invalid_client", null, "invalid client " + clientId);
    }
    if (secret == null || !secretMatches(clientId, secret)) {
      return error(401, "invalid_client", null, "client authentication failed");
    }
    if (!app.get("type").asText().equals("MachineToMachine")) {
      return error(400, "unauthorized_client", null, "requested grant type is not allowed for this client");
    }
    String indicator = form.get("resource");
    ObjectNode resource = indicator == null ? null : store.resourceByIndicator(indicator);
    if (resource == null) {
      return error(400, "invalid_target", "Invalid resource indicator.", "resource indicator is missing, or unknown");
    }
    Set<String> granted = store.grantedScopes(clientId, resource.get("id").asText());
    Set<String> scopes = new LinkedHashSet<>();
    String requested = form.get("scope");
    if (requested != null) {
      for (String scope : requested.trim().split(" +")) {
        if (granted.contains(scope)) {
          scopes.add(scope);
        }
      }
    }
    long seconds = lifetime != null ? lifetime.toSeconds() : resource.get("accessTokenTtl").asLong();
    ObjectNode answer = Json.object();
    answer.put("access_token", tokens.issue(issuer, clientId, indicator, scopes, seconds));
    answer.put("expires_in", seconds).put("token_type", "Bearer");
    if (!scopes.isEmpty()) {
      answer.put("scope", String.join(" ", scopes));
    }
    return Reply.ok(answer).header("cache-control", "no-store");
  }

  private boolean secretMatches(String clientId, String secret) {
    long now = store.now();
    for (ObjectNode candidate : store.secrets.getOrDefault(clientId, List.of())) {
      boolean expired = candidate.get("expiresAt").isNumber() && candidate.get("expiresAt").asLong() <= now;
      if (!expired && candidate.get("value").asText().equals(secret)) {
        return true;
      }
    }
    return false;
  }

  private static Reply error(int status, String error, String message, String description) {
    ObjectNode body = Json.object();
    body.put("code", "oidc." + error);
    body.put("message", message != null ? message : "An OIDC error occurred: oidc." + error + ".");
    body.put("error", error).put("error_description", description);
    return Reply.json(status, body).header("cache-control", "no-store");
  }

  static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    for (String[] pair : Call.parseQuery(body)) {
      form.putIfAbsent(formDecode(pair[0]), formDecode(pair[1]));
    }
    return form;
  }

  static String formDecode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}

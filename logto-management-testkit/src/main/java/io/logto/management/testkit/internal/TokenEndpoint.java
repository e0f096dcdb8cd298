package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /oidc/token} with the {@code client_credentials} grant, answering like Logto's
 * oidc-provider: the body is a form or, as Logto converts it for oidc-provider, a JSON object; the
 * client authenticates first (an application secret in the body or HTTP Basic; SPA and native apps
 * have no secret), then the grant type is checked (unknown to Logto: {@code unsupported_grant_type};
 * not allowed for the client: {@code unauthorized_client}); the token carries the requested scopes
 * the application holds on the resource through its roles (none requested or none held: a token
 * without {@code scope}). Grants that need an interactive sign-in find nothing to redeem here.
 */
final class TokenEndpoint {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String CLIENT_CREDENTIALS = "client_credentials";
  private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  /** The grant types Logto enables and the parameter each one needs besides the client. */
  private static final Map<String, String> REDEEMED_PARAMETER = Map.of(
      "authorization_code", "code",
      "refresh_token", "refresh_token",
      TOKEN_EXCHANGE, "subject_token",
      "urn:ietf:params:oauth:grant-type:device_code", "device_code");

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
    Map<String, String> form;
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (mediaType.equals(FORM)) {
      form = parseForm(new String(body, StandardCharsets.UTF_8));
    } else if (mediaType.equals("application/json")) {
      form = jsonParameters(body);
    } else if (mediaType.isEmpty()) {
      form = Map.of();
    } else {
      return error(400, "invalid_request", "Request is invalid.",
          "only application/x-www-form-urlencoded content-type bodies are supported on POST /token");
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
    String type = app.get("type").asText();
    boolean publicClient = type.equals("SPA") || type.equals("Native");
    if (!publicClient && (secret == null || !secretMatches(clientId, secret))) {
      return error(401, "invalid_client", null, "client authentication failed");
    }
    String grantType = form.get("grant_type");
    if (grantType == null || grantType.isEmpty()) {
      return error(400, "invalid_request", "Request is invalid.", "missing required parameter 'grant_type'");
    }
    if (!grantType.equals(CLIENT_CREDENTIALS) && !REDEEMED_PARAMETER.containsKey(grantType)) {
      return error(400, "unsupported_grant_type", "Unsupported `grant_type` requested.",
          "unsupported grant_type requested");
    }
    if (grantType.equals(CLIENT_CREDENTIALS) != type.equals("MachineToMachine")) {
      return error(400, "unauthorized_client", null, "requested grant type is not allowed for this client");
    }
    if (!grantType.equals(CLIENT_CREDENTIALS)) {
      String parameter = REDEEMED_PARAMETER.get(grantType);
      if (form.get(parameter) == null || form.get(parameter).isEmpty()) {
        return error(400, "invalid_request", "Request is invalid.", "missing required parameter '" + parameter + "'");
      }
      // the emulator never issues codes, refresh tokens or subject tokens: nothing can be redeemed
      return error(400, "invalid_grant", "Grant request is invalid.", "grant request is invalid");
    }
    return clientCredentials(clientId, form);
  }

  private Reply clientCredentials(String clientId, Map<String, String> form) {
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

  /**
   * The top-level members of a JSON object body as parameters (strings as they are, other values as
   * their JSON text); a body that is not a JSON object gives no parameters, as in Logto.
   */
  private static Map<String, String> jsonParameters(byte[] body) {
    Map<String, String> parameters = new HashMap<>();
    try {
      JsonNode json = Json.MAPPER.readTree(body);
      if (json != null && json.isObject()) {
        json.properties().forEach(field -> parameters.put(field.getKey(),
            field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
      }
    } catch (IOException e) {
      return Map.of();
    }
    return parameters;
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

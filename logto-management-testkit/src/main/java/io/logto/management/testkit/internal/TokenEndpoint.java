package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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
 * oidc-provider (9.11, {@code lib/actions/token.js} and {@code lib/shared/client_auth.js}; Logto's
 * {@code oidc/grants/client-credentials.ts}): the body is a
 * form or, as Logto converts it for oidc-provider, a JSON object. The client authenticates first:
 * HTTP Basic or the body's {@code client_secret} (confidential types), or no secret at all (SPA and
 * native apps); the wrong mechanism for the client is 401 {@code invalid_client}. Then the grant type:
 * missing is {@code invalid_request}, unknown to Logto {@code unsupported_grant_type}, not among the
 * client's grant types (Logto's {@code getConstantClientMetadata}: machine-to-machine apps have
 * {@code client_credentials}, device-flow native apps the device code and refresh token, the others the
 * authorization code and refresh token, each plus token exchange when {@code allowTokenExchange}) 400
 * {@code invalid_request}. The token carries the requested scopes the application holds on the
 * resource through its roles (none requested or none held: a token without {@code scope}). Grants that
 * need an interactive sign-in find nothing to redeem here.
 */
final class TokenEndpoint {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String CLIENT_CREDENTIALS = "client_credentials";
  private static final String AUTHORIZATION_CODE = "authorization_code";
  private static final String REFRESH_TOKEN = "refresh_token";
  private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  private static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
  /** The grant types Logto enables besides client credentials, and the parameter each one redeems. */
  private static final Map<String, String> REDEEMED_PARAMETER = Map.of(
      AUTHORIZATION_CODE, "code",
      REFRESH_TOKEN, "refresh_token",
      TOKEN_EXCHANGE, "subject_token",
      DEVICE_CODE, "device_code");
  private static final String INVALID_REQUEST = "invalid_request";
  private static final String INVALID_CLIENT = "invalid_client";

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

  /** The client a request names and the secret it presents, and whether it came in an Authorization header. */
  private record ClientAuth(String clientId, String secret, boolean basic) {}

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
      return invalidRequest("only application/x-www-form-urlencoded content-type bodies are supported on POST /token");
    }
    Object auth = clientAuth(authorization, form);
    if (auth instanceof Reply refused) {
      return refused;
    }
    ClientAuth client = (ClientAuth) auth;
    ObjectNode app = store.applications.get(client.clientId());
    if (app == null) {
      return error(400, INVALID_CLIENT, null, "invalid client " + client.clientId());
    }
    String type = app.get("type").asText();
    boolean publicClient = type.equals("SPA") || type.equals("Native");
    // a public client registers no authentication method but "none": a secret is the wrong mechanism
    boolean authenticated = publicClient ? client.secret() == null
        : client.secret() != null && secretMatches(client.clientId(), client.secret());
    if (!authenticated) {
      Reply refused = error(401, INVALID_CLIENT, null, "client authentication failed");
      return client.basic() ? refused.header("www-authenticate", "Basic realm=\"" + issuer
          + "\", error=\"invalid_client\", error_description=\"client authentication failed\"") : refused;
    }
    String grantType = form.get("grant_type");
    if (grantType == null || grantType.isEmpty()) {
      return invalidRequest("missing required parameter 'grant_type'");
    }
    if (!grantType.equals(CLIENT_CREDENTIALS) && !REDEEMED_PARAMETER.containsKey(grantType)) {
      return error(400, "unsupported_grant_type", "Unsupported `grant_type` requested.",
          "unsupported grant_type requested");
    }
    if (!grantTypes(app).contains(grantType)) {
      return invalidRequest("requested grant type is not allowed for this client");
    }
    if (!grantType.equals(CLIENT_CREDENTIALS)) {
      String parameter = REDEEMED_PARAMETER.get(grantType);
      if (form.get(parameter) == null || form.get(parameter).isEmpty()) {
        return invalidRequest("missing required parameter '" + parameter + "'");
      }
      // the emulator never issues codes, refresh tokens or subject tokens: nothing can be redeemed
      return error(400, "invalid_grant", "Grant request is invalid.", "grant request is invalid");
    }
    return clientCredentials(client.clientId(), form);
  }

  /**
   * The client and secret of a request (the body's {@code client_secret} or the Authorization
   * header's Basic credentials), or the 400 {@code invalid_request} oidc-provider 9 answers for a
   * malformed or ambiguous presentation ({@code lib/shared/client_auth.js}).
   */
  private static Object clientAuth(String authorization, Map<String, String> form) {
    String clientId = form.get("client_id");
    String bodySecret = form.get("client_secret");
    boolean hasBodySecret = bodySecret != null && !bodySecret.isEmpty();
    if (authorization != null && hasBodySecret) {
      return invalidRequest("client authentication must only be provided using one mechanism");
    }
    if (hasBodySecret) {
      return clientId == null || clientId.isEmpty() ? noClient() : new ClientAuth(clientId, bodySecret, false);
    }
    if (authorization == null) {
      return clientId == null || clientId.isEmpty() ? noClient() : new ClientAuth(clientId, null, false);
    }
    String[] parts = authorization.split(" ", -1);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("basic")) {
      return invalidRequest("invalid authorization header value format");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return invalidRequest("invalid authorization header value format");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return invalidRequest("invalid authorization header value format");
    }
    String basicId = formDecode(decoded.substring(0, colon));
    String basicSecret = formDecode(decoded.substring(colon + 1));
    if (clientId != null && !clientId.equals(basicId)) {
      return invalidRequest("client_id mismatch");
    }
    if (basicSecret.isEmpty()) {
      return invalidRequest("client_secret must be provided in the Authorization header");
    }
    return basicId.isEmpty() ? noClient() : new ClientAuth(basicId, basicSecret, true);
  }

  private static Reply noClient() {
    return invalidRequest("no client authentication mechanism provided");
  }

  /** The grant types Logto registers for the application with oidc-provider. */
  private static Set<String> grantTypes(ObjectNode app) {
    String type = app.get("type").asText();
    JsonNode custom = app.path("customClientMetadata");
    Set<String> grants = new LinkedHashSet<>();
    if (type.equals("MachineToMachine")) {
      grants.add(CLIENT_CREDENTIALS);
    } else if (type.equals("Native") && custom.path("isDeviceFlow").asBoolean(false)) {
      grants.add(DEVICE_CODE);
      grants.add(REFRESH_TOKEN);
    } else {
      grants.add(AUTHORIZATION_CODE);
      grants.add(REFRESH_TOKEN);
    }
    if (custom.path("allowTokenExchange").asBoolean(false)) {
      grants.add(TOKEN_EXCHANGE);
    }
    return grants;
  }

  private Reply clientCredentials(String clientId, Map<String, String> form) {
    String indicator = form.get("resource");
    if (indicator == null) {
      // oidc-provider asks Logto for its default resource (the API marked isDefault), if any
      indicator = store.resources.values().stream().filter(r -> r.path("isDefault").asBoolean(false))
          .map(r -> r.get("indicator").asText()).findFirst().orElse(null);
    }
    if (indicator == null || indicator.isEmpty()) {
      return invalidTarget("both `resource` and `organization_id` are not provided");
    }
    if (!absoluteUri(indicator)) {
      return invalidTarget("resource indicator must be an absolute URI");
    }
    if (indicator.contains("#")) {
      return invalidTarget("resource indicator must not contain a fragment component");
    }
    ObjectNode resource = store.resourceByIndicator(indicator);
    if (resource == null) {
      return invalidTarget("resource indicator is missing, or unknown");
    }
    Set<String> granted = grantedScopes(clientId, resource.get("id").asText());
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

  private static boolean absoluteUri(String value) {
    try {
      return new URI(value).isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Reply invalidRequest(String description) {
    return error(400, INVALID_REQUEST, "Request is invalid.", description);
  }

  private static Reply invalidTarget(String description) {
    return error(400, "invalid_target", "Invalid resource indicator.", description);
  }

  // Logto's error handler: code and message (its phrase, or the fallback naming the code), a debug
  // link for invalid_grant, then oidc-provider's error and error_description
  private static Reply error(int status, String error, String message, String description) {
    ObjectNode body = Json.object();
    body.put("code", "oidc." + error);
    body.put("message", message != null ? message : "An OIDC error occurred: oidc." + error + ".");
    if (error.equals("invalid_grant")) {
      body.put("error_uri", "https://openid.sh/debug/invalid_grant");
    }
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

  /** The scope names an application holds on a resource through its roles. */
  private Set<String> grantedScopes(String applicationId, String resourceId) {
    Set<String> names = new LinkedHashSet<>();
    for (String roleId : store.appRoles.getOrDefault(applicationId, Set.of())) {
      for (String scopeId : store.roleScopes.getOrDefault(roleId, Set.of())) {
        ObjectNode scope = store.scopes.get(scopeId);
        if (scope != null && scope.get("resourceId").asText().equals(resourceId)) {
          names.add(scope.get("name").asText());
        }
      }
    }
    return names;
  }
}

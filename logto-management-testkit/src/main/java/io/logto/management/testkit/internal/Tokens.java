package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issued access tokens. They look like Logto's JWTs (header.payload.signature, with the usual claims)
 * but are checked by lookup: the signature is random. Thread-safe.
 */
final class Tokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  record Issued(String clientId, String audience, Set<String> scopes, long expiresAtMillis, long generation) {}

  /** The outcome of checking a bearer token. */
  enum Check { OK, MALFORMED, UNKNOWN, EXPIRED, WRONG_AUDIENCE, FORBIDDEN }

  private final Map<String, Issued> issued = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final AtomicLong generation = new AtomicLong();

  Tokens(Clock clock) {
    this.clock = clock;
  }

  String issue(String issuer, String clientId, String audience, Set<String> scopes, long lifetimeSeconds) {
    long now = clock.millis();
    byte[] jti = new byte[24];
    byte[] signature = new byte[48];
    synchronized (random) {
      random.nextBytes(jti);
      random.nextBytes(signature);
    }
    ObjectNode header = Json.object().put("alg", "ES384").put("typ", "at+jwt").put("kid", "logto-emulator");
    ObjectNode payload = Json.object();
    payload.put("jti", B64.encodeToString(jti)).put("sub", clientId).put("iat", now / 1000)
        .put("exp", now / 1000 + lifetimeSeconds);
    if (!scopes.isEmpty()) {
      payload.put("scope", String.join(" ", scopes));
    }
    payload.put("client_id", clientId).put("iss", issuer).put("aud", audience);
    String token = B64.encodeToString(Json.write(header)) + "." + B64.encodeToString(Json.write(payload)) + "."
        + B64.encodeToString(signature);
    issued.put(token, new Issued(clientId, audience, Set.copyOf(scopes), now + lifetimeSeconds * 1000, generation.get()));
    return token;
  }

  Check check(String token, String audience, String requiredScope) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !decodes(parts[0]) || !decodes(parts[1])) {
      return Check.MALFORMED;
    }
    Issued found = issued.get(token);
    if (found == null) {
      return Check.UNKNOWN;
    }
    if (found.generation() < generation.get() || clock.millis() >= found.expiresAtMillis()) {
      return Check.EXPIRED;
    }
    if (!found.audience().equals(audience)) {
      return Check.WRONG_AUDIENCE;
    }
    return found.scopes().contains(requiredScope) ? Check.OK : Check.FORBIDDEN;
  }

  /**
   * The subject ({@code sub}, the client id) of a live token, checked against {@code audience} unless
   * that is null; null for an unknown, expired or other-audience token. (Hasura's authentication.)
   */
  String subject(String token, String audience) {
    Issued found = issued.get(token);
    if (found == null || found.generation() < generation.get() || clock.millis() >= found.expiresAtMillis()
        || (audience != null && !found.audience().equals(audience))) {
      return null;
    }
    return found.clientId();
  }

  /** Every token issued so far is expired from now on. */
  void expireAll() {
    // old tokens stay known so that they answer "expired" (as Logto would), not "unknown"
    generation.incrementAndGet();
  }

  private static boolean decodes(String part) {
    try {
      String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
      return json.startsWith("{");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The Management API's bearer check as Logto's auth middleware answers it: null for a token of
   * {@code audience} with the management scope, else the 401 or 403 Logto sends.
   */
  ApiError authenticate(String authorization, String audience) {
    if (authorization == null || authorization.isEmpty()) {
      return ApiError.of(401, "auth.authorization_header_missing", "Authorization header is missing.");
    }
    if (!authorization.startsWith("Bearer ")) {
      ObjectNode data = Json.object();
      data.set("supportedTypes", Json.array().add("Bearer"));
      return ApiError.of(401, "auth.authorization_token_type_not_supported", "Authorization type is not supported.",
          data, null);
    }
    switch (check(authorization.substring(7).trim(), audience, Store.MANAGEMENT_SCOPE)) {
      case OK:
        return null;
      case MALFORMED:
        return unauthorized("ERR_JWS_INVALID", "JWSInvalid");
      case UNKNOWN:
        return unauthorized("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "JWSSignatureVerificationFailed");
      case EXPIRED:
        return unauthorized("ERR_JWT_EXPIRED", "JWTExpired");
      case WRONG_AUDIENCE:
        return unauthorized("ERR_JWT_CLAIM_VALIDATION_FAILED", "JWTClaimValidationFailed");
      default:
        return ApiError.of(403, "auth.forbidden", "Forbidden. Please check your user roles and permissions.");
    }
  }

  private static ApiError unauthorized(String code, String name) {
    ObjectNode data = Json.object().put("code", code).put("name", name);
    return ApiError.of(401, "auth.unauthorized", "Unauthorized. Please check credentials and its scope.", data, null);
  }
}

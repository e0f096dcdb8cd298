package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Certificates with an active flag, kept per owner: the secrets of a SAML application and the signing
 * keys of a SAML SSO connector have the same shape ({@code id, certificate, createdAt, expiresAt,
 * active, fingerprints}) and the same rule: at most one active per owner, so activating one
 * deactivates the others. Owned by the {@link Store}; not thread-safe (the server serialises handlers).
 */
final class SigningKeys {
  private final Store store;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, List<ObjectNode>> byOwner = new HashMap<>();

  SigningKeys(Store store) {
    this.store = store;
  }

  /** A new certificate for {@code owner}, valid {@code years} years from now. */
  ObjectNode create(String owner, int years, boolean active) {
    long now = store.now();
    Instant notBefore = Instant.ofEpochMilli(now);
    Instant notAfter = notBefore.atZone(ZoneOffset.UTC).plusYears(years).toInstant();
    Certificates.Issued certificate = Certificates.selfSigned(notBefore, notAfter, random);
    if (active) {
      deactivateAll(owner);
    }
    ObjectNode key = Json.object();
    key.put("id", store.id(21)).put("certificate", certificate.pem()).put("createdAt", now)
        .put("expiresAt", notAfter.toEpochMilli()).put("active", active);
    ObjectNode sha256 = Json.object().put("formatted", certificate.sha256Formatted())
        .put("unformatted", certificate.sha256());
    key.set("fingerprints", Json.object().set("sha256", sha256));
    byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(key);
    return key;
  }

  /** The owner's keys in creation order (an empty list for an unknown owner). */
  List<ObjectNode> list(String owner) {
    return List.copyOf(byOwner.getOrDefault(owner, List.of()));
  }

  /** The key, or 404 {@code entity.not_found} (Logto finds it by owner and id in one query). */
  ObjectNode find(String owner, String keyId) {
    for (ObjectNode key : byOwner.getOrDefault(owner, List.of())) {
      if (key.get("id").asText().equals(keyId)) {
        return key;
      }
    }
    throw ApiError.notFound();
  }

  /** The active key, or null. */
  ObjectNode active(String owner) {
    for (ObjectNode key : byOwner.getOrDefault(owner, List.of())) {
      if (key.get("active").asBoolean()) {
        return key;
      }
    }
    return null;
  }

  ObjectNode setActive(String owner, String keyId, boolean active) {
    ObjectNode key = find(owner, keyId);
    if (active) {
      deactivateAll(owner);
    }
    key.put("active", active);
    return key;
  }

  void remove(String owner, String keyId) {
    byOwner.getOrDefault(owner, new ArrayList<>()).remove(find(owner, keyId));
  }

  /** Forgets every key of a deleted owner. */
  void removeOwner(String owner) {
    byOwner.remove(owner);
  }

  private void deactivateAll(String owner) {
    byOwner.getOrDefault(owner, List.of()).forEach(key -> key.put("active", false));
  }
}

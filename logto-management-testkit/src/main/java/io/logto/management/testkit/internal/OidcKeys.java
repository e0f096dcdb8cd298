package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Logto's OIDC signing keys (private keys, real JDK key pairs) and cookie keys, listed and rotated as
 * Logto 1.42 does. Private keys carry a status: a rotation with a grace period stages the new key as
 * {@code Next} until its {@code effectiveAt}, then it becomes {@code Current} and the old one
 * {@code Previous}. {@code createdAt} is in epoch seconds, {@code effectiveAt} in epoch milliseconds,
 * as Logto answers. The seed keys are made on first use, so starting the emulator generates none.
 */
final class OidcKeys {
  static final List<String> KEY_TYPES = List.of("private-keys", "cookie-keys");
  static final List<String> ALGORITHMS = List.of("RSA", "EC");
  private static final String NEXT = "Next";
  private static final String CURRENT = "Current";
  private static final String PREVIOUS = "Previous";

  /** One key; {@code secret} is the private key or the cookie key value and never leaves the emulator. */
  private record Key(String id, long createdAt, Object secret, String algorithm, String status, long effectiveAt) {
    Key withStatus(String newStatus) {
      return new Key(id, createdAt, secret, algorithm, newStatus, 0);
    }

    @Override
    public String toString() {
      return "Key[id=" + id + ", algorithm=" + algorithm + ", status=" + status + ", secret=<redacted>]";
    }
  }

  private final Store store;
  private final long seededAt;
  private List<Key> privateKeys;
  private List<Key> cookieKeys;

  OidcKeys(Store store) {
    this.store = store;
    this.seededAt = store.now() / 1000;
  }

  /** The keys of {@code keyType} as Logto lists them (no key material). */
  ArrayNode list(String keyType) {
    ArrayNode array = Json.array();
    for (Key key : keys(keyType)) {
      ObjectNode json = Json.object().put("id", key.id()).put("createdAt", key.createdAt());
      if (key.algorithm() != null) {
        json.put("signingKeyAlgorithm", key.algorithm()).put("status", key.status());
        if (key.effectiveAt() > 0) {
          json.put("effectiveAt", key.effectiveAt());
        }
      }
      array.add(json);
    }
    return array;
  }

  /** A new key on top; private keys are staged when {@code graceSeconds > 0}. */
  void rotate(String keyType, String algorithm, long graceSeconds) {
    if (keyType.equals("cookie-keys")) {
      List<Key> keys = new ArrayList<>(keys(keyType));
      keys.add(0, new Key(store.id(21), store.now() / 1000, store.secret(), null, null, 0));
      cookieKeys = List.copyOf(keys.subList(0, Math.min(2, keys.size())));
      return;
    }
    List<Key> keys = keys(keyType);
    Key current = withStatus(keys, CURRENT);
    Key fresh = newPrivateKey(algorithm == null ? "EC" : algorithm);
    if (graceSeconds == 0) {
      if (withStatus(keys, NEXT) != null) {
        throw ApiError.of(422, "oidc.invalid_request", "Invalid request.");
      }
      privateKeys = List.of(fresh.withStatus(CURRENT), current.withStatus(PREVIOUS));
      return;
    }
    List<Key> staged = new ArrayList<>();
    staged.add(new Key(fresh.id(), fresh.createdAt(), fresh.secret(), fresh.algorithm(), NEXT,
        store.now() + graceSeconds * 1000));
    staged.add(current);
    Key previous = withStatus(keys, PREVIOUS);
    if (previous != null) {
      staged.add(previous);
    }
    privateKeys = List.copyOf(staged);
  }

  /** Deletes a key; of private keys only the {@code Previous} one may go. */
  void delete(String keyType, String keyId) {
    List<Key> keys = keys(keyType);
    if (keys.size() <= 1) {
      throw ApiError.of(422, "oidc.key_required", "At least one key is required.");
    }
    Key key = keys.stream().filter(k -> k.id().equals(keyId)).findFirst()
        .orElseThrow(() -> ApiError.of(404, "oidc.key_not_found", "The key with ID " + keyId + " is not found."));
    if (key.status() != null && !key.status().equals(PREVIOUS)) {
      throw ApiError.of(422, "oidc.only_previous_key_can_be_deleted", "Only the previous key can be deleted.");
    }
    List<Key> rest = keys.stream().filter(k -> !k.id().equals(keyId)).toList();
    if (keyType.equals("cookie-keys")) {
      cookieKeys = rest;
    } else {
      privateKeys = rest;
    }
  }

  private List<Key> keys(String keyType) {
    if (keyType.equals("cookie-keys")) {
      if (cookieKeys == null) {
        cookieKeys = List.of(new Key(store.id(21), seededAt, store.secret(), null, null, 0));
      }
      return cookieKeys;
    }
    if (privateKeys == null) {
      Key seed = newPrivateKey("EC");
      privateKeys = List.of(new Key(seed.id(), seededAt, seed.secret(), seed.algorithm(), CURRENT, 0));
    }
    promoteDueKey();
    return privateKeys;
  }

  // a staged key whose time has come becomes Current; the old Previous is dropped
  private void promoteDueKey() {
    Key next = withStatus(privateKeys, NEXT);
    if (next != null && next.effectiveAt() <= store.now()) {
      privateKeys = List.of(next.withStatus(CURRENT), withStatus(privateKeys, CURRENT).withStatus(PREVIOUS));
    }
  }

  private static Key withStatus(List<Key> keys, String status) {
    return keys.stream().filter(k -> status.equals(k.status())).findFirst().orElse(null);
  }

  // EC keys on P-384 as Logto's CLI makes them; RSA keys of 2048 bits where Logto makes 4096: the API
  // shows only the algorithm, and a 4096-bit key costs seconds per rotation
  private Key newPrivateKey(String algorithm) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (algorithm.equals("RSA")) {
        generator.initialize(2048);
      } else {
        generator.initialize(new ECGenParameterSpec("secp384r1"));
      }
      KeyPair pair = generator.generateKeyPair();
      return new Key(store.id(21), store.now() / 1000, pair.getPrivate(), algorithm, CURRENT, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate a " + algorithm + " key pair", e);
    }
  }
}

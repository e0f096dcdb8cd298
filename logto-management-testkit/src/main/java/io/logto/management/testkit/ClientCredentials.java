package io.logto.management.testkit;

import java.util.Objects;

/**
 * A machine-to-machine application's client id and secret, as registered in a {@link LogtoEmulator}.
 * {@link #toString()} never shows the secret.
 *
 * @param clientId the application id, sent as {@code client_id}
 * @param clientSecret the application secret, sent as {@code client_secret}
 */
public record ClientCredentials(String clientId, String clientSecret) {
  /**
   * Validates both values: non-null and not blank.
   *
   * @param clientId the application id, sent as {@code client_id}
   * @param clientSecret the application secret, sent as {@code client_secret}
   */
  public ClientCredentials {
    Objects.requireNonNull(clientId, "clientId == null");
    Objects.requireNonNull(clientSecret, "clientSecret == null");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("clientId is blank");
    }
    if (clientSecret.isBlank()) {
      throw new IllegalArgumentException("clientSecret is blank");
    }
    if (clientId.contains(":")) {
      throw new IllegalArgumentException("clientId contains ':' (not usable with HTTP Basic): " + clientId);
    }
  }

  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + ", clientSecret=<redacted>]";
  }
}

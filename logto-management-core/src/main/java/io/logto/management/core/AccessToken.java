package io.logto.management.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A bearer token issued by the token endpoint. {@link #toString()} never shows the token itself.
 *
 * @param value the bearer token
 * @param expiresAt when the token expires: the request's start plus {@code expires_in}
 * @param scope the granted scope, empty when the answer had no {@code scope} field
 */
public record AccessToken(String value, Instant expiresAt, Optional<String> scope) {
  /**
   * Validates the components.
   *
   * @param value the bearer token
   * @param expiresAt when the token expires: the request's start plus {@code expires_in}
   * @param scope the granted scope, empty when the answer had no {@code scope} field
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public AccessToken {
    requireNonNull(value, "value == null");
    requireNonNull(expiresAt, "expiresAt == null");
    requireNonNull(scope, "scope == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("value is blank");
    }
  }

  /**
   * Describes the token without revealing it.
   *
   * @return a description with the expiry and scope only
   */
  @Override
  public String toString() {
    return "AccessToken[value=<redacted>, expiresAt=" + expiresAt + ", scope=" + scope.orElse("<none>") + "]";
  }
}

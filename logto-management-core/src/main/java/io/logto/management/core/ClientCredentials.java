package io.logto.management.core;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The client-credentials token manager of a {@link io.logto.management.core.client.LogtoClient}: fetches tokens from
 * {@code {baseUrl}/oidc/token}, caches them until 60 s before expiry, and shares one in-flight request
 * among concurrent callers. Thread-safe; shared by clients derived with {@link io.logto.management.core.client.LogtoClient#newBuilder()}.
 */
public interface ClientCredentials extends TokenProvider {
  /**
   * Returns the cached token without any I/O.
   *
   * @return the cached token, possibly expired, or empty
   */
  Optional<AccessToken> cachedToken();

  /**
   * Returns a valid token, fetching one when the cache holds none; blocks while fetching.
   *
   * @return the token
   * @throws LogtoTokenException if the token endpoint refuses
   */
  AccessToken accessToken();

  /**
   * Returns a valid token, fetching one without blocking when the cache holds none.
   *
   * @return a future completing with the token
   */
  CompletableFuture<AccessToken> accessTokenAsync();

  /** Drops the cached token, so the next call fetches a new one. */
  void invalidate();
}

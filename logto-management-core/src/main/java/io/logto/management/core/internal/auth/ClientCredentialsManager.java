package io.logto.management.core.internal.auth;

import io.logto.management.core.AccessToken;
import io.logto.management.core.ClientCredentials;
import io.logto.management.core.internal.chain.Blocking;
import io.logto.management.core.internal.http.Futures;
import io.logto.management.core.internal.log.Logging;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Caches the client-credentials token and applies the 401 rules. Thread-safe: the cache and the
 * in-flight request are guarded by one lock held only for bookkeeping, never during I/O.
 *
 * <p>401 rules: a rejection invalidates the cached token only if it is still the rejected one; after
 * such an invalidation, further rejections do not invalidate again until a call with the new token
 * has succeeded, so an application that lacks permission cannot cause a token-request storm.
 */
public final class ClientCredentialsManager implements ClientCredentials {
  /** A token is reused while it is valid for at least this long. */
  public static final Duration LEEWAY = Duration.ofSeconds(60);

  // a named category, not the class: users configure it, and the class may move
  private static final Logger LOG = Logging.logger("io.logto.management.core.token");

  private final TokenEndpoint endpoint;
  private final Clock clock;
  private final Object lock = new Object();
  private final Set<String> warnedScopes = ConcurrentHashMap.newKeySet();
  private volatile @Nullable AccessToken cached;
  private @Nullable CompletableFuture<AccessToken> inFlight;
  private volatile boolean invalidationArmed = true;

  /**
   * Creates a manager.
   *
   * @param endpoint sends the token request
   * @param clock tells the time for expiry
   */
  public ClientCredentialsManager(TokenEndpoint endpoint, Clock clock) {
    this.endpoint = endpoint;
    this.clock = clock;
  }

  @Override
  public Optional<AccessToken> cachedToken() {
    return Optional.ofNullable(cached);
  }

  @Override
  public AccessToken accessToken() {
    return Blocking.await(accessTokenAsync(), () -> "token request");
  }

  @Override
  public CompletableFuture<AccessToken> accessTokenAsync() {
    AccessToken token = cached;
    if (token != null && isFresh(token)) {
      return CompletableFuture.completedFuture(token);
    }
    CompletableFuture<AccessToken> shared;
    boolean start = false;
    synchronized (lock) {
      token = cached;
      if (token != null && isFresh(token)) {
        return CompletableFuture.completedFuture(token);
      }
      // a finished request may not have cleared itself yet: waiters can wake before its callbacks run
      if (inFlight == null || inFlight.isDone()) {
        inFlight = new CompletableFuture<>();
        start = true;
      }
      shared = inFlight;
    }
    if (start) {
      fetch(shared);
    }
    // a copy, so one caller cancelling or completing its future cannot affect the others
    return shared.copy();
  }

  private void fetch(CompletableFuture<AccessToken> shared) {
    shared.whenComplete((token, failure) -> {
      synchronized (lock) {
        if (inFlight == shared) {
          inFlight = null;
        }
      }
    });
    CompletableFuture<AccessToken> request;
    try {
      request = endpoint.request();
    } catch (RuntimeException e) {
      request = CompletableFuture.failedFuture(e);
    }
    request.whenComplete((token, failure) -> {
      if (failure != null) {
        shared.completeExceptionally(Futures.unwrap(failure));
        return;
      }
      synchronized (lock) {
        // a request overtaken by another (its waiters gave up) cannot overwrite a newer token
        if (shared.isDone() || inFlight != shared) {
          LOG.debug("ignoring the late answer of an overtaken token request");
          return;
        }
        cached = token;
        inFlight = null;
      }
      warnAboutScope(token);
      shared.complete(token);
    });
  }

  @Override
  public CompletableFuture<String> token() {
    // asked before every call: a fresh cached token is handed over without a dependent stage
    AccessToken token = cached;
    if (token != null && isFresh(token)) {
      return CompletableFuture.completedFuture(token.value());
    }
    return accessTokenAsync().thenApply(AccessToken::value);
  }

  @Override
  public boolean rejected(String token) {
    synchronized (lock) {
      AccessToken current = cached;
      if (current == null || !current.value().equals(token)) {
        // a late 401 for an older token: keep the newer one; replaying with it is worthwhile
        return true;
      }
      if (!invalidationArmed) {
        return false;
      }
      cached = null;
      invalidationArmed = false;
      return true;
    }
  }

  @Override
  public void accepted(String token) {
    if (invalidationArmed) {
      return;
    }
    AccessToken current = cached;
    if (current != null && current.value().equals(token)) {
      invalidationArmed = true;
    }
  }

  @Override
  public void invalidate() {
    synchronized (lock) {
      cached = null;
    }
  }

  private boolean isFresh(AccessToken token) {
    return token.expiresAt().isAfter(clock.instant().plus(LEEWAY));
  }

  private void warnAboutScope(AccessToken token) {
    String scope = token.scope().orElse("");
    boolean hasAll = Arrays.asList(scope.trim().split("\\s+")).contains("all");
    if (!hasAll && warnedScopes.add(scope)) {
      LOG.warn("The access token was granted scope '{}' instead of 'all': Management API calls may answer 403."
          + " Assign the Management API role to the machine-to-machine application.",
          token.scope().orElse("<none>"));
    }
  }

  @Override
  public String toString() {
    return "ClientCredentials[token=" + (cached == null ? "none" : "<redacted>") + "]";
  }
}

package io.logto.management.core.internal.chain;

import io.logto.management.core.Interceptor;
import io.logto.management.core.RawResponse;
import io.logto.management.core.TokenProvider;
import io.logto.management.core.internal.http.AuthorizedRequest;
import io.logto.management.core.internal.http.Futures;
import io.logto.management.core.internal.log.Logging;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;

/**
 * Adds {@code Authorization: Bearer} (except for {@code /.well-known/} paths) and, when the server
 * answers 401 and the token provider has a fresh token, replays the request once with it. The body
 * is held as bytes, so the replay sends it unchanged. Steps above it never see the token: the answer
 * it returns names the request it was given. A call waits for its token as its {@link Dispatch} does.
 */
final class AuthInterceptor implements Interceptor {
  private static final String WELL_KNOWN = "/.well-known/";
  private static final Logger LOG = Logging.logger(AttemptInterceptor.LOGGER);

  private final TokenProvider tokens;

  /**
   * Creates the step.
   *
   * @param tokens supplies tokens and learns of 401s and successes
   */
  AuthInterceptor(TokenProvider tokens) {
    this.tokens = tokens;
  }

  @Override
  public CompletableFuture<RawResponse> intercept(Chain chain) {
    HttpRequest request = chain.request();
    if (request.uri().getRawPath().contains(WELL_KNOWN)) {
      return chain.proceed(request);
    }
    return attempt(chain, RealChain.callOf(chain), true);
  }

  private CompletableFuture<RawResponse> attempt(Chain chain, Call call, boolean mayReplay) {
    HttpRequest request = chain.request();
    CompletableFuture<String> pending = call.dispatch().token(token(), call::runWhileWaitingForToken);
    if (LOG.isDebugEnabled()) {
      pending.whenComplete((token, failure) -> {
        if (failure != null) {
          LOG.debug("{} {} failed before sending: {}", request.method(), request.uri().getRawPath(),
              Futures.unwrap(failure).toString());
        }
      });
    }
    return Futures.thenCompose(pending, token -> Futures.thenCompose(
        chain.proceed(AuthorizedRequest.of(request, token)), response -> {
          if (response.status() == 401) {
            if (tokens.rejected(token) && mayReplay) {
              return attempt(chain, call, false);
            }
          } else if (response.status() >= 200 && response.status() < 300) {
            tokens.accepted(token);
          }
          return CompletableFuture.completedFuture(new RawResponse(request, response.status(), response.headers(),
              response.body(), response.attempts(), response.duration()));
        }));
  }

  private CompletableFuture<String> token() {
    try {
      return tokens.token();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}

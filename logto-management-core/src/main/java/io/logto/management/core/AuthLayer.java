package io.logto.management.core;

import io.logto.management.core.internal.http.Bearer;
import io.logto.management.core.internal.http.Futures;
import io.logto.management.core.internal.http.PreparedRequest;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;

/**
 * Adds {@code Authorization: Bearer} (except for {@code /.well-known/} paths) and, when the server
 * answers 401 and the token provider has a fresh token, replays the request once with it. The body
 * is held as bytes, so the replay sends it unchanged.
 */
final class AuthLayer implements Layer {
  private static final String WELL_KNOWN = "/.well-known/";
  private static final Logger LOG = Logging.logger(AttemptLayer.LOGGER);

  private final TokenProvider tokens;
  private final Layer next;

  /**
   * Creates the layer. A call whose caller waits ({@link CallControl#callerWaits()}) waits for its
   * token on the calling thread, so its request is then sent from that thread too; any other call
   * composes on the token's future.
   *
   * @param tokens supplies tokens and learns of 401s and successes
   * @param next the attempt path
   */
  AuthLayer(TokenProvider tokens, Layer next) {
    this.tokens = tokens;
    this.next = next;
  }

  @Override
  public CompletableFuture<RawResponse> send(HttpRequest request, RequestOptions options, CallControl control) {
    if (request.uri().getRawPath().contains(WELL_KNOWN)) {
      return next.send(request instanceof PreparedRequest prepared ? prepared.unsigned() : request, options,
          control);
    }
    return attempt(request, options, control, true);
  }

  private CompletableFuture<RawResponse> attempt(HttpRequest request, RequestOptions options, CallControl control,
      boolean mayReplay) {
    CompletableFuture<String> pending = token(control);
    if (LOG.isDebugEnabled()) {
      pending.whenComplete((token, failure) -> {
        if (failure != null) {
          LOG.debug("{} {} failed before sending: {}", request.method(), request.uri().getRawPath(),
              Transport.unwrap(failure).toString());
        }
      });
    }
    return Futures.thenCompose(pending, token -> Futures.thenCompose(
        next.send(withToken(request, token), options, control), response -> {
          if (response.status() == 401) {
            if (tokens.rejected(token) && mayReplay) {
              return attempt(request, options, control, false);
            }
          } else if (response.status() >= 200 && response.status() < 300) {
            tokens.accepted(token);
          }
          // callers above this layer never see the signed request
          return CompletableFuture.completedFuture(new RawResponse(request, response.status(), response.headers(),
              response.body(), response.attempts(), response.duration()));
        }));
  }

  private CompletableFuture<String> token(CallControl control) {
    CompletableFuture<String> token;
    try {
      token = tokens.token();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (!control.callerWaits() || token.isDone()) {
      return token;
    }
    // the token request is on its way: the caller's thread works for the call before it waits
    control.runWhileWaitingForToken();
    try {
      return CompletableFuture.completedFuture(Blocking.await(token, () -> "token request"));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static HttpRequest withToken(HttpRequest request, String token) {
    if (request instanceof PreparedRequest prepared) {
      // the SDK's own request, untouched by interceptors: one build from its builder, no header copy
      return prepared.signed(token);
    }
    return HttpRequest.newBuilder(request, (name, value) -> true)
        .setHeader("Authorization", Bearer.headerValue(token))
        .build();
  }
}

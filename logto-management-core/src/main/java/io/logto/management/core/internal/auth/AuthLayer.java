package io.logto.management.core.internal.auth;

import io.logto.management.core.RawResponse;
import io.logto.management.core.RequestOptions;
import io.logto.management.core.TokenProvider;
import io.logto.management.core.internal.http.Layer;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Adds {@code Authorization: Bearer} (except for {@code /.well-known/} paths) and, when the server
 * answers 401 and the token provider has a fresh token, replays the request once with it. The body
 * is held as bytes, so the replay sends it unchanged.
 */
public final class AuthLayer implements Layer {
  private static final String WELL_KNOWN = "/.well-known/";

  private final TokenProvider tokens;
  private final Layer next;

  /**
   * Creates the layer.
   *
   * @param tokens supplies tokens and learns of 401s and successes
   * @param next the transport
   */
  public AuthLayer(TokenProvider tokens, Layer next) {
    this.tokens = tokens;
    this.next = next;
  }

  @Override
  public CompletableFuture<RawResponse> send(HttpRequest request, RequestOptions options) {
    if (request.uri().getRawPath().contains(WELL_KNOWN)) {
      return next.send(request, options);
    }
    return attempt(request, options, true);
  }

  private CompletableFuture<RawResponse> attempt(HttpRequest request, RequestOptions options, boolean mayReplay) {
    return tokens.token().thenCompose(token -> next.send(withToken(request, token), options)
        .thenCompose(response -> {
          RawResponse unauthenticated = new RawResponse(request, response.status(), response.headers(),
              response.body(), response.attempts(), response.duration());
          if (response.status() == 401) {
            if (tokens.rejected(token) && mayReplay) {
              return attempt(request, options, false);
            }
          } else if (response.status() >= 200 && response.status() < 300) {
            tokens.accepted(token);
          }
          return CompletableFuture.completedFuture(unauthenticated);
        }));
  }

  private static HttpRequest withToken(HttpRequest request, String token) {
    return HttpRequest.newBuilder(request, (name, value) -> true)
        .setHeader("Authorization", "Bearer " + token)
        .build();
  }
}

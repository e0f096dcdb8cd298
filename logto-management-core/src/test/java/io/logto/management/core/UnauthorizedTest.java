package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The 401 rules of the reference, plus one transparent replay with a fresh token. */
final class UnauthorizedTest {
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/u1").build();
  private static final Reply UNAUTHORIZED = Reply.json(401,
      "{\"code\":\"auth.unauthorized\",\"message\":\"Unauthorized. Please check credentials and its scope.\"}");

  /** Answers 401 to the listed tokens and 200 to any other. */
  private static TestServer rejecting(TestServer server, Set<String> rejected) {
    return server.on("/api/users/u1", request -> rejected.contains(request.header("Authorization").orElse(""))
        ? UNAUTHORIZED : Reply.json(200, "{\"id\":\"u1\"}"));
  }

  @Test
  void rejectedTokenIsReplacedAndTheCallReplayedOnce() {
    try (TestServer server = TestServer.start()) {
      rejecting(server.tokens(), Set.of("Bearer token-1"));
      LogtoClient client = Fixtures.client(server).build();

      JsonNode user = client.call(GET_USER, JsonNode.class);

      assertThat(user.get("id").asText()).isEqualTo("u1");
      assertThat(server.count("/oidc/token")).isEqualTo(2);
      assertThat(server.requests("/api/users/u1")).extracting(r -> r.header("Authorization").orElseThrow())
          .containsExactly("Bearer token-1", "Bearer token-2");
    }
  }

  @Test
  void requestRebuiltByAnInterceptorIsSignedAndReplayedAlike() {
    try (TestServer server = TestServer.start()) {
      rejecting(server.tokens(), Set.of("Bearer token-1"));
      // a rebuilt request carrying an Authorization of its own: the token replaces it, on the replay too
      LogtoClient client = Fixtures.client(server).addInterceptor(chain -> chain.proceed(
          HttpRequest.newBuilder(chain.request(), (name, value) -> true).header("X-Trace", "t1")
              .header("Authorization", "Basic c2VjcmV0").build())).build();

      client.call(GET_USER, JsonNode.class);
      client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()).join();

      assertThat(server.requests("/api/users/u1")).extracting(r -> r.header("Authorization").orElseThrow())
          .containsExactly("Bearer token-1", "Bearer token-2", "Bearer token-2");
      assertThat(server.requests("/api/users/u1")).allSatisfy(r -> {
        assertThat(r.header("X-Trace")).hasValue("t1");
        assertThat(r.headers().get("Authorization")).hasSize(1);
      });
    }
  }

  @Test
  void replaySendsTheSameBody() {
    try (TestServer server = TestServer.start()) {
      server.tokens().on("/api/users", request -> request.header("Authorization").orElse("").equals("Bearer token-1")
          ? UNAUTHORIZED : Reply.json(200, "{\"id\":\"new\"}"));
      LogtoClient client = Fixtures.client(server).build();

      client.call(ApiRequest.post("/api/users").body(Map.of("username", "ada")).build(), JsonNode.class);

      assertThat(server.requests("/api/users")).hasSize(2)
          .allSatisfy(request -> assertThat(request.bodyText()).isEqualTo("{\"username\":\"ada\"}"));
    }
  }

  @Test
  void permanentUnauthorizedDoesNotStormTheTokenEndpoint() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", UNAUTHORIZED);
      LogtoClient client = Fixtures.client(server).build();

      for (int i = 0; i < 5; i++) {
        assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class))
            .isInstanceOfSatisfying(LogtoUnauthorizedException.class,
                e -> assertThat(e.code()).hasValue("auth.unauthorized"));
      }

      // one fetch, one refresh after the first 401, then no more until something succeeds
      assertThat(server.count("/oidc/token")).isEqualTo(2);
      assertThat(server.count("/api/users/u1")).isEqualTo(6);
    }
  }

  @Test
  void lateUnauthorizedForAnOldTokenKeepsTheNewOne() {
    try (TestServer server = TestServer.start()) {
      Set<String> rejected = ConcurrentHashMap.newKeySet();
      rejecting(server.tokens(), rejected);
      LogtoClient client = Fixtures.client(server).build();
      ClientCredentials credentials = client.clientCredentials().orElseThrow();
      client.call(GET_USER, JsonNode.class);
      credentials.invalidate();
      client.call(GET_USER, JsonNode.class);
      assertThat(credentials.cachedToken().orElseThrow().value()).isEqualTo("token-2");

      // a call still made with the old token now gets its late 401
      boolean replay = credentials.rejected("token-1");

      assertThat(replay).isTrue();
      assertThat(credentials.cachedToken().orElseThrow().value()).isEqualTo("token-2");
      client.call(GET_USER, JsonNode.class);
      assertThat(server.count("/oidc/token")).isEqualTo(2);
    }
  }

  @Test
  void lateUnauthorizedOverHttpKeepsTheNewToken() {
    try (TestServer server = TestServer.start()) {
      Set<String> rejected = ConcurrentHashMap.newKeySet(); 
      rejecting(server.tokens(), rejected);
      // a provider view that hands out the old token once more, as a call started before a refresh would
      LogtoClient client = Fixtures.client(server).build();
      ClientCredentials credentials = client.clientCredentials().orElseThrow();
      client.call(GET_USER, JsonNode.class);
      credentials.invalidate();
      credentials.accessToken();
      rejected.add("Bearer token-1");
      TokenProvider stale = new TokenProvider() {
        private final java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);

        @Override
        public java.util.concurrent.CompletableFuture<String> token() {
          return first.getAndSet(false) ? java.util.concurrent.CompletableFuture.completedFuture("token-1")
              : credentials.token();
        }

        @Override
        public boolean rejected(String token) {
          return credentials.rejected(token);
        }

        @Override
        public void accepted(String token) {
          credentials.accepted(token);
        }
      };
      LogtoClient staleClient = LogtoClient.builder().baseUrl(server.baseUrl()).tokenProvider(stale).build();

      JsonNode user = staleClient.call(GET_USER, JsonNode.class);

      assertThat(user.get("id").asText()).isEqualTo("u1");
      assertThat(credentials.cachedToken().orElseThrow().value()).isEqualTo("token-2");
      assertThat(server.count("/oidc/token")).isEqualTo(2);
      assertThat(server.requests("/api/users/u1")).extracting(r -> r.header("Authorization").orElseThrow())
          .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
    }
  }

  @Test
  void successReEnablesInvalidation() {
    try (TestServer server = TestServer.start()) {
      Set<String> rejected = ConcurrentHashMap.newKeySet();
      rejected.add("Bearer token-1");
      rejecting(server.tokens(), rejected);
      LogtoClient client = Fixtures.client(server).build();

      client.call(GET_USER, JsonNode.class); // token-1 rejected, token-2 succeeds
      rejected.add("Bearer token-2");
      client.call(GET_USER, JsonNode.class); // token-2 rejected: invalidation is armed again

      assertThat(server.count("/oidc/token")).isEqualTo(3);
      assertThat(server.requests("/api/users/u1")).extracting(r -> r.header("Authorization").orElseThrow())
          .containsExactly("Bearer token-1", "Bearer token-2", "Bearer token-2", "Bearer token-3");
    }
  }

  @Test
  void withoutASuccessASecondRejectionDoesNotInvalidate() {
    try (TestServer server = TestServer.start()) {
      Set<String> rejected = ConcurrentHashMap.newKeySet();
      rejected.add("Bearer token-1");
      rejected.add("Bearer token-2");
      rejecting(server.tokens(), rejected);
      LogtoClient client = Fixtures.client(server).build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoUnauthorizedException.class);
      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoUnauthorizedException.class);

      assertThat(client.clientCredentials().orElseThrow().cachedToken().orElseThrow().value()).isEqualTo("token-2");
      assertThat(server.count("/oidc/token")).isEqualTo(2);
    }
  }

  @Test
  void customProviderWithoutRefreshDoesNotReplay() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users/u1", UNAUTHORIZED);
      LogtoClient client = LogtoClient.builder().baseUrl(server.baseUrl())
          .tokenProvider(TokenProvider.of(() -> "static")).build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoUnauthorizedException.class);
      assertThat(server.count("/api/users/u1")).isEqualTo(1);
    }
  }
}

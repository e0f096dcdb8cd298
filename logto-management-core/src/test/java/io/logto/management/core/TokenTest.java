package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

final class TokenTest {
  private static final ApiRequest GET_USERS = ApiRequest.get("/api/users").build();

  @Test
  void requestsTokenWithClientSecretPostForm() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users", Reply.json(200, "[]"));
      Fixtures.client(server).build().call(GET_USERS, JsonNode.class);

      TestServer.Recorded token = server.requests("/oidc/token").get(0);
      assertThat(token.method()).isEqualTo("POST");
      assertThat(token.header("Content-Type")).hasValue("application/x-www-form-urlencoded");
      assertThat(token.header("Authorization")).isEmpty();
      assertThat(ClientSetupTest.form(token.bodyText())).containsExactly(
          java.util.Map.entry("grant_type", "client_credentials"),
          java.util.Map.entry("client_id", Fixtures.CLIENT_ID),
          java.util.Map.entry("client_secret", Fixtures.SECRET),
          java.util.Map.entry("resource", "https://default.logto.app/api"),
          java.util.Map.entry("scope", "all"));
    }
  }

  @Test
  void refusesRedirectsSoTheSecretNeverReachesTheTarget() {
    try (TestServer server = TestServer.start(); TestServer elsewhere = TestServer.start()) {
      elsewhere.tokens();
      server.replies("/oidc/token", Reply.status(307).header("Location", elsewhere.baseUrl() + "/oidc/token"));
      LogtoClient client = Fixtures.client(server).build();

      assertThatThrownBy(() -> client.call(GET_USERS, JsonNode.class))
          .isInstanceOfSatisfying(LogtoTokenException.class, e -> assertThat(e.status()).hasValue(307))
          .hasMessageContaining("redirect").hasMessageNotContaining(Fixtures.SECRET);
      assertThat(elsewhere.requests()).isEmpty();
      assertThat(server.count("/api/users")).isZero();
    }
  }

  @Test
  void refusesRedirectsEvenWhenTheGivenHttpClientFollowsThem() {
    try (TestServer server = TestServer.start(); TestServer elsewhere = TestServer.start()) {
      elsewhere.tokens();
      server.replies("/oidc/token", Reply.status(302).header("Location", elsewhere.baseUrl() + "/oidc/token"));
      LogtoClient client = Fixtures.client(server).httpClient(java.net.http.HttpClient.newBuilder()
          .followRedirects(java.net.http.HttpClient.Redirect.ALWAYS).build()).build();

      assertThatThrownBy(() -> client.call(GET_USERS, JsonNode.class)).isInstanceOf(LogtoTokenException.class);
      assertThat(elsewhere.requests()).isEmpty();
    }
  }

  @Test
  void reusesTokenUntilSixtySecondsBeforeExpiry() {
    try (TestServer server = TestServer.start()) {
      AtomicInteger issued = new AtomicInteger();
      server.on("/oidc/token", request -> Reply.json(200,
          "{\"access_token\":\"t" + issued.incrementAndGet() + "\",\"expires_in\":600,\"scope\":\"all\"}"));
      server.replies("/api/users", Reply.json(200, "[]"));
      Fixtures.MutableClock clock = new Fixtures.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
      LogtoClient client = Fixtures.client(server).clock(clock).build();

      client.call(GET_USERS, JsonNode.class);
      clock.advance(Duration.ofSeconds(539));
      client.call(GET_USERS, JsonNode.class);
      assertThat(server.count("/oidc/token")).isEqualTo(1);
      clock.advance(Duration.ofSeconds(1));
      client.call(GET_USERS, JsonNode.class);

      assertThat(server.count("/oidc/token")).isEqualTo(2);
      assertThat(server.requests("/api/users")).extracting(r -> r.header("Authorization").orElseThrow())
          .containsExactly("Bearer t1", "Bearer t1", "Bearer t2");
      assertThat(client.clientCredentials().orElseThrow().cachedToken().orElseThrow().expiresAt())
          .isEqualTo(Instant.parse("2026-01-01T00:19:00Z"));
    }
  }

  @Test
  void failuresAreNotCached() {
    try (TestServer server = TestServer.start()) {
      AtomicInteger calls = new AtomicInteger();
      server.on("/oidc/token", request -> calls.incrementAndGet() == 1
          ? Reply.json(500, "{\"message\":\"boom\"}")
          : Reply.json(200, "{\"access_token\":\"ok\",\"expires_in\":3600,\"scope\":\"all\"}"));
      server.replies("/api/users", Reply.json(200, "[]"));
      LogtoClient client = Fixtures.client(server).build();

      assertThatThrownBy(() -> client.call(GET_USERS, JsonNode.class)).isInstanceOf(LogtoTokenException.class);
      client.call(GET_USERS, JsonNode.class);

      assertThat(server.count("/oidc/token")).isEqualTo(2);
      assertThat(server.requests("/api/users").get(0).header("Authorization")).hasValue("Bearer ok");
    }
  }

  @Test
  void realTokenErrorsBecomeTokenExceptionsWithoutTheSecret() {
    for (String name : new String[] {"001-token-wrong-secret.json", "002-token-unknown-client.json",
        "003-token-unknown-resource.json", "006-token-missing-grant-type.json"}) {
      JsonNode recording = Fixtures.recording(name);
      try (TestServer server = TestServer.start()) {
        server.replies("/oidc/token", Fixtures.reply(recording));
        LogtoClient client = Fixtures.client(server).build();
        int status = recording.get("response").get("status").asInt();
        String code = recording.get("response").get("body").get("code").asText();

        assertThatThrownBy(() -> client.call(GET_USERS, JsonNode.class)).as(name)
            .isInstanceOfSatisfying(LogtoTokenException.class, e -> {
              assertThat(e.status()).hasValue(status);
              assertThat(e.code()).hasValue(code);
              assertThat(new String(e.body(), StandardCharsets.UTF_8)).contains(code);
            })
            .hasMessageContaining(String.valueOf(status)).hasMessageNotContaining(Fixtures.SECRET);
        assertThat(server.count("/api/users")).isZero();
      }
    }
  }

  @Test
  void htmlOrIncompleteTokenAnswersAreTokenErrors() {
    Reply[] answers = {
        Reply.text(200, "text/html", "<html><body>Gateway says hi</body></html>"),
        Reply.json(200, "{\"expires_in\":3600}"),
        Reply.json(200, "{\"access_token\":\"abc\",\"expires_in\":\"soon\"}"),
        Reply.json(200, "{\"access_token\":\"abc\"}"),
        Reply.text(502, "text/html", "<html>bad gateway</html>")};
    String[] expected = {"without a JSON object", "without access_token", "numeric expires_in",
        "numeric expires_in", "502"};
    for (int i = 0; i < answers.length; i++) {
      try (TestServer server = TestServer.start()) {
        server.replies("/oidc/token", answers[i]);
        LogtoClient client = Fixtures.client(server).build();

        assertThatThrownBy(() -> client.call(GET_USERS, JsonNode.class)).as(expected[i])
            .isInstanceOf(LogtoTokenException.class).hasMessageContaining(expected[i])
            .hasMessageNotContaining(Fixtures.SECRET).hasMessageNotContaining("\"abc\"");
      }
    }
  }

  @Test
  void htmlTokenErrorCarriesStatusAndBodyButDescribesIt() {
    try (TestServer server = TestServer.start()) {
      server.replies("/oidc/token", Reply.text(503, "text/html", "<html>maintenance</html>"));
      LogtoClient client = Fixtures.client(server).build();

      assertThatThrownBy(() -> client.call(GET_USERS, JsonNode.class))
          .isInstanceOfSatisfying(LogtoTokenException.class, e -> {
            assertThat(e.status()).hasValue(503);
            assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("<html>maintenance</html>");
            assertThat(e).hasMessageContaining("503").hasMessageContaining("text/html, 24 bytes")
                .hasMessageNotContaining("maintenance");
          });
    }
  }

  @Test
  void tokenLimitIsNotRetried() {
    try (TestServer server = TestServer.start()) {
      server.replies("/oidc/token", Reply.json(429,
          "{\"code\":\"auth.exceed_token_limit\",\"message\":\"Token limit exceeded.\"}").header("Retry-After", "1"));
      Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();
      LogtoClient client = Fixtures.client(server, sleeper).build();

      assertThatThrownBy(() -> client.call(GET_USERS, JsonNode.class))
          .isInstanceOfSatisfying(LogtoTokenException.class, e -> {
            assertThat(e.status()).hasValue(429);
            assertThat(e.code()).hasValue("auth.exceed_token_limit");
          });
      assertThat(server.count("/oidc/token")).isEqualTo(1);
      assertThat(sleeper.delays).isEmpty();
    }
  }

  @Test
  void tokenRequestTimesOut() {
    try (TestServer server = TestServer.start()) {
      server.replies("/oidc/token", Reply.never());
      LogtoClient client = Fixtures.client(server).tokenTimeout(Duration.ofMillis(200)).build();

      assertThatThrownBy(() -> client.call(GET_USERS, JsonNode.class)).isInstanceOf(LogtoTokenException.class)
          .hasMessageContaining("timed out");
      assertThat(server.count("/api/users")).isZero();
    }
  }

  @Test
  void timedOutTokenRequestNeverBecomesTheToken() throws Exception {
    try (TestServer server = TestServer.start()) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger calls = new AtomicInteger();
      server.on("/oidc/token", request -> {
        if (calls.incrementAndGet() == 1) {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Reply.json(200, "{\"access_token\":\"late\",\"expires_in\":3600,\"scope\":\"all\"}");
        }
        return Reply.json(200, "{\"access_token\":\"fresh\",\"expires_in\":3600,\"scope\":\"all\"}");
      });
      server.replies("/api/users", Reply.json(200, "[]"));
      // the token timeout bounds the token request's attempt, like the request timeout an API call's
      LogtoClient client = Fixtures.client(server).tokenTimeout(Duration.ofMillis(500)).build();
      ClientCredentials credentials = client.clientCredentials().orElseThrow();

      assertThatThrownBy(credentials::accessToken).isInstanceOf(LogtoTokenException.class)
          .hasMessageContaining("timed out after PT0.5S").hasCauseInstanceOf(LogtoTimeoutException.class);
      assertThat(firstSuccess(credentials).value()).isEqualTo("fresh");
      release.countDown();

      assertThat(credentials.cachedToken().orElseThrow().value()).isEqualTo("fresh");
      client.call(GET_USERS, JsonNode.class);
      assertThat(server.requests("/api/users").get(0).header("Authorization")).hasValue("Bearer fresh");
    }
  }

  // a loaded machine may need more than the short timeout for a fresh connection: try a few times
  private static AccessToken firstSuccess(ClientCredentials credentials) {
    for (int attempt = 1; ; attempt++) {
      try {
        return credentials.accessToken();
      } catch (LogtoTokenException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  @Test
  void warnsOncePerDistinctScopeThatIsNotAll() {
    CapturedLogs.clear();
    try (TestServer server = TestServer.start()) {
      AtomicInteger calls = new AtomicInteger();
      server.on("/oidc/token", request -> {
        int n = calls.incrementAndGet();
        String scope = n <= 2 ? "" : n <= 4 ? ",\"scope\":\"read:things\"" : ",\"scope\":\"all\"";
        return Reply.json(200, "{\"access_token\":\"t" + n + "\",\"expires_in\":3600" + scope + "}");
      });
      LogtoClient client = Fixtures.client(server).build();
      ClientCredentials credentials = client.clientCredentials().orElseThrow();

      for (int i = 0; i < 6; i++) {
        credentials.accessToken();
        credentials.invalidate();
      }

      assertThat(CapturedLogs.events()).filteredOn(e -> e.level() == Level.WARN)
          .extracting(CapturedLogs.Event::message)
          .satisfiesExactly(
              first -> assertThat(first).contains("'<none>'"),
              second -> assertThat(second).contains("'read:things'"));
    }
  }
}

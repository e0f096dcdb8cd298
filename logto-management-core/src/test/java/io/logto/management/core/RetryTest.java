package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.Fixtures.MutableClock;
import io.logto.management.core.Fixtures.RecordingSleeper;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class RetryTest {
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/u1").build();
  private static final Reply OK = Reply.json(200, "{\"id\":\"u1\"}");
  private static final Reply UNAVAILABLE = Reply.json(503, "{\"message\":\"unavailable\"}");

  @Test
  void retriesServiceUnavailableThenSucceeds() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", UNAVAILABLE, OK);
      RecordingSleeper sleeper = new RecordingSleeper();
      LogtoClient client = Fixtures.client(server, sleeper).build();

      assertThat(client.call(GET_USER, JsonNode.class).get("id").asText()).isEqualTo("u1");

      assertThat(server.count("/api/users/u1")).isEqualTo(2);
      assertThat(sleeper.delays).singleElement()
          .satisfies(delay -> assertThat(delay).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)));
    }
  }

  @Test
  void retriesEachTransientStatusForIdempotentMethods() {
    for (int status : new int[] {429, 502, 503, 504}) {
      for (String method : new String[] {"GET", "HEAD", "PUT", "DELETE"}) {
        try (TestServer server = TestServer.start()) {
          server.tokens().replies("/api/things", Reply.json(status, "{}"), Reply.status(204));
          LogtoClient client = Fixtures.client(server).build();

          client.call(ApiRequest.of(method, "/api/things").build(), RequestOptions.defaults());

          assertThat(server.count("/api/things")).as(method + " " + status).isEqualTo(2);
        }
      }
    }
  }

  @Test
  void doesNotRetryOtherErrors() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(500, "{\"message\":\"bug\"}"), OK);
      LogtoClient client = Fixtures.client(server).build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoServerException.class);
      assertThat(server.count("/api/users/u1")).isEqualTo(1);
    }
  }

  @Test
  void backoffGrowsExponentiallyUpToTheMaximum() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", UNAVAILABLE);
      RecordingSleeper sleeper = new RecordingSleeper();
      RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMinutes(1));
      LogtoClient client = Fixtures.client(server, sleeper).retryPolicy(policy).build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoServerException.class);

      assertThat(server.count("/api/users/u1")).isEqualTo(6);
      long[] caps = {100, 200, 400, 500, 500};
      assertThat(sleeper.delays).hasSize(5);
      for (int i = 0; i < caps.length; i++) {
        assertThat(sleeper.delays.get(i).toMillis()).as("retry " + (i + 1)).isBetween(caps[i] / 2, caps[i]);
      }
    }
  }

  @Test
  void honoursRetryAfterSeconds() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1",
          Reply.json(429, "{\"code\":\"too_many\"}").header("Retry-After", "7"), OK);
      RecordingSleeper sleeper = new RecordingSleeper();
      LogtoClient client = Fixtures.client(server, sleeper).build();

      client.call(GET_USER, JsonNode.class);

      assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(7));
    }
  }

  @Test
  void honoursRetryAfterHttpDate() {
    try (TestServer server = TestServer.start()) {
      MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
      String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
          Instant.parse("2026-03-01T10:00:12Z").atOffset(ZoneOffset.UTC));
      server.tokens().replies("/api/users/u1", UNAVAILABLE.header("Retry-After", date), OK);
      RecordingSleeper sleeper = new RecordingSleeper(clock);
      LogtoClient client = Fixtures.client(server, sleeper).clock(clock).build();

      client.call(GET_USER, JsonNode.class);

      assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(12));
    }
  }

  @Test
  void stopsWhenTheNextAttemptWouldExceedTheTimeBudget() {
    try (TestServer server = TestServer.start()) {
      MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
      server.tokens().replies("/api/users/u1", UNAVAILABLE.header("Retry-After", "20"));
      RecordingSleeper sleeper = new RecordingSleeper(clock);
      LogtoClient client = Fixtures.client(server, sleeper).clock(clock)
          .retryPolicy(RetryPolicy.defaults().withMaxRetries(10)).build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoServerException.class);

      // 30 s budget: a retry after 20 s fits, a second one (at 40 s) does not
      assertThat(sleeper.delays).containsExactly(Duration.ofSeconds(20));
      assertThat(server.count("/api/users/u1")).isEqualTo(2);
    }
  }

  @Test
  void stopsAfterMaxRetries() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(502, "{}"));
      LogtoClient client = Fixtures.client(server).retryPolicy(RetryPolicy.defaults().withMaxRetries(3)).build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class))
          .isInstanceOfSatisfying(LogtoServerException.class, e -> assertThat(e.status()).isEqualTo(502));
      assertThat(server.count("/api/users/u1")).isEqualTo(4);
    }
  }

  @Test
  void postIsNotRetriedByDefault() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users", UNAVAILABLE, OK);
      LogtoClient client = Fixtures.client(server).build();
      ApiRequest create = ApiRequest.post("/api/users").body(Map.of("username", "ada")).build();

      assertThatThrownBy(() -> client.call(create, JsonNode.class)).isInstanceOf(LogtoServerException.class);
      assertThat(server.count("/api/users")).isEqualTo(1);
    }
  }

  @Test
  void postAndPatchAreRetriedWhenTheCallOptsIn() {
    for (String method : new String[] {"POST", "PATCH"}) {
      try (TestServer server = TestServer.start()) {
        server.tokens().replies("/api/users", UNAVAILABLE, OK);
        LogtoClient client = Fixtures.client(server).build();
        ApiRequest create = ApiRequest.of(method, "/api/users").body(Map.of("username", "ada")).build();

        client.call(create, JsonNode.class, RequestOptions.builder().retryNonIdempotent(true).build());

        assertThat(server.requests("/api/users")).as(method).hasSize(2)
            .allSatisfy(request -> assertThat(request.bodyText()).isEqualTo("{\"username\":\"ada\"}"));
      }
    }
  }

  @Test
  void noneDisablesRetriesForTheClientOrOneCall() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", UNAVAILABLE);
      LogtoClient client = Fixtures.client(server).retryPolicy(RetryPolicy.none()).build();
      LogtoClient retrying = Fixtures.client(server).build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoServerException.class);
      assertThatThrownBy(() -> retrying.call(GET_USER, JsonNode.class,
          RequestOptions.builder().retryPolicy(RetryPolicy.none()).build())).isInstanceOf(LogtoServerException.class);

      assertThat(server.count("/api/users/u1")).isEqualTo(2);
    }
  }

  @Test
  void retriesConnectionFailures() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    RecordingSleeper sleeper = new RecordingSleeper();
    LogtoClient client = Fixtures.builder(sleeper).baseUrl("http://127.0.0.1:" + closedPort)
        .tokenProvider(TokenProvider.of(() -> "t")).build();

    assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoTransportException.class)
        .hasMessageContaining("GET /api/users/u1");

    assertThat(sleeper.delays).hasSize(RetryPolicy.defaults().maxRetries());
  }

  @Test
  void retriedCallReportsItsAttemptsToInterceptors() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", UNAVAILABLE, Reply.json(504, "{}"), OK);
      AtomicInteger attempts = new AtomicInteger();
      LogtoClient client = Fixtures.client(server)
          .addInterceptor(chain -> chain.proceed(chain.request()).thenApply(response -> {
            attempts.set(response.attempts());
            return response;
          })).build();

      client.call(GET_USER, JsonNode.class);

      assertThat(attempts).hasValue(3);
    }
  }

  @Test
  void asyncCallsRetryToo() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", UNAVAILABLE, Reply.json(429, "{}").header("Retry-After", "3"), OK);
      RecordingSleeper sleeper = new RecordingSleeper();
      LogtoClient client = Fixtures.client(server, sleeper).build();

      JsonNode user = client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()).join();

      assertThat(user.get("id").asText()).isEqualTo("u1");
      assertThat(server.count("/api/users/u1")).isEqualTo(3);
      assertThat(sleeper.delays).hasSize(2).last().isEqualTo(Duration.ofSeconds(3));
    }
  }
}

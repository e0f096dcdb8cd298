package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Attempt events: one per request sent, over loopback HTTP. */
final class CallListenerTest {
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/{id}").pathParam("id", "u1")
      .query("search", "private@example.com").build();

  @Test
  void retriedCallReportsEachAttemptWithItsRequestId() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(503, "{}").header("Logto-Core-Request-Id", "rid-a"),
          Reply.json(200, "{}").header("Logto-Core-Request-Id", "rid-b"));
      List<AttemptEvent> events = new CopyOnWriteArrayList<>();
      LogtoClient client = Fixtures.client(server).addListener(apiOnly(events)).build();

      client.call(GET_USER, JsonNode.class);

      assertThat(events).extracting(AttemptEvent::attempt).containsExactly(1, 2);
      assertThat(events).extracting(AttemptEvent::status).containsExactly(OptionalInt.of(503), OptionalInt.of(200));
      assertThat(events).extracting(AttemptEvent::requestId)
          .containsExactly(Optional.of("rid-a"), Optional.of("rid-b"));
      assertThat(events).allSatisfy(event -> {
        assertThat(event.method()).isEqualTo("GET");
        assertThat(event.pathTemplate()).isEqualTo("/api/users/{id}");
        assertThat(event.path()).isEqualTo("/api/users/u1");
        assertThat(event.failure()).isEmpty();
        assertThat(event.duration()).isPositive();
      });
      assertThat(events.get(0).succeeded()).isFalse();
      assertThat(events.get(1).succeeded()).isTrue();
    }
  }

  @Test
  void asyncCallsReportEachAttemptToo() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(502, "{}"), Reply.json(504, "{}"), Reply.json(200, "{}"));
      List<AttemptEvent> events = new CopyOnWriteArrayList<>();
      LogtoClient client = Fixtures.client(server).addListener(apiOnly(events)).build();

      client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()).join();

      assertThat(events).extracting(AttemptEvent::attempt).containsExactly(1, 2, 3);
      assertThat(events).extracting(event -> event.status().getAsInt()).containsExactly(502, 504, 200);
    }
  }

  @Test
  void replayAfterUnauthorizedIsItsOwnAttempt() {
    try (TestServer server = TestServer.start()) {
      server.tokens().on("/api/users/u1", request -> request.header("Authorization").orElse("").equals("Bearer token-1")
          ? Reply.json(401, "{\"code\":\"auth.unauthorized\"}").header("Logto-Core-Request-Id", "rid-401")
          : Reply.json(200, "{}").header("Logto-Core-Request-Id", "rid-ok"));
      List<AttemptEvent> events = new CopyOnWriteArrayList<>();
      LogtoClient client = Fixtures.client(server).addListener(apiOnly(events)).build();

      client.call(GET_USER, JsonNode.class);

      assertThat(events).extracting(AttemptEvent::attempt).containsExactly(1, 2);
      assertThat(events).extracting(event -> event.status().getAsInt()).containsExactly(401, 200);
      assertThat(events).extracting(event -> event.requestId().orElseThrow()).containsExactly("rid-401", "rid-ok");
      // the event's description never carries the tokens the two attempts used, nor the query
      assertThat(events).allSatisfy(event -> assertThat(event.toString()).doesNotContain("token-1")
          .doesNotContain("token-2").doesNotContain(Fixtures.SECRET).doesNotContain("private@example.com")
          .contains("GET /api/users/u1"));
    }
  }

  @Test
  void failedAttemptCarriesTheFailureAndNoStatus() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.never());
      List<AttemptEvent> events = new CopyOnWriteArrayList<>();
      LogtoClient client = Fixtures.client(server).requestTimeout(Duration.ofMillis(200)).addListener(apiOnly(events))
          .build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoTimeoutException.class);

      assertThat(events).singleElement().satisfies(event -> {
        assertThat(event.status()).isEmpty();
        assertThat(event.failure()).containsInstanceOf(LogtoTimeoutException.class);
        assertThat(event.toString()).contains("GET /api/users/u1 failed").contains("attempt 1")
            .contains("LogtoTimeoutException").doesNotContain("token-1");
      });
    }
  }

  @Test
  void throwingListenerDoesNotBreakTheCallNorLaterListeners() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{\"id\":\"u1\"}"));
      List<AttemptEvent> events = new CopyOnWriteArrayList<>();
      LogtoClient client = Fixtures.client(server)
          .addListener(event -> {
            throw new IllegalStateException("listener bug");
          })
          .addListener(apiOnly(events))
          .build();

      assertThat(client.call(GET_USER, JsonNode.class).get("id").asText()).isEqualTo("u1");
      assertThat(client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()).join().get("id").asText())
          .isEqualTo("u1");
      assertThat(events).hasSize(2);
    }
  }

  @Test
  void variantsKeepTheListeners() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      List<AttemptEvent> events = new CopyOnWriteArrayList<>();
      LogtoClient variant = Fixtures.client(server).addListener(apiOnly(events)).build().newBuilder()
          .requestTimeout(Duration.ofSeconds(5)).build();

      variant.call(GET_USER, JsonNode.class);

      assertThat(events).hasSize(1);
    }
  }

  @Test
  void tokenRequestIsAnAttemptOfKindTokenWithoutTheSecret() {
    CapturedLogs.clear();
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      List<AttemptStart> starts = new CopyOnWriteArrayList<>();
      List<AttemptEvent> events = new CopyOnWriteArrayList<>();
      LogtoClient client = Fixtures.client(server).addListener(new CallListener() {
        @Override
        public void onAttemptStart(AttemptStart start) {
          starts.add(start);
        }

        @Override
        public void onAttempt(AttemptEvent event) {
          events.add(event);
        }
      }).build();

      client.call(GET_USER, JsonNode.class);
      client.call(GET_USER, JsonNode.class);

      assertThat(starts).extracting(AttemptStart::kind)
          .containsExactly(AttemptKind.TOKEN, AttemptKind.API, AttemptKind.API);
      assertThat(events).extracting(AttemptEvent::kind)
          .containsExactly(AttemptKind.TOKEN, AttemptKind.API, AttemptKind.API);
      AttemptStart token = starts.get(0);
      assertThat(token.method()).isEqualTo("POST");
      assertThat(token.pathTemplate()).isEqualTo("/oidc/token");
      assertThat(token.path()).isEqualTo("/oidc/token");
      assertThat(token.attempt()).isEqualTo(1);
      assertThat(events.get(0).status()).hasValue(200);
      // each event has the id of its start; ids increase in the order attempts start
      assertThat(events).extracting(AttemptEvent::id).containsExactlyElementsOf(
          starts.stream().map(AttemptStart::id).toList());
      assertThat(starts.get(0).id()).isLessThan(starts.get(1).id());
      assertThat(starts.get(1).id()).isLessThan(starts.get(2).id());
      assertThat(events.get(0).toString()).startsWith("token request POST /oidc/token -> 200")
          .doesNotContain(Fixtures.SECRET).doesNotContain("token-1");
      assertThat(starts.toString() + events).doesNotContain(Fixtures.SECRET).doesNotContain("token-1");
      assertThat(CapturedLogs.all()).doesNotContain(Fixtures.SECRET).doesNotContain("token-1");
    }
  }

  @Test
  void failedTokenRequestIsReportedAndVariantsShareAttemptIds() {
    try (TestServer server = TestServer.start()) {
      server.replies("/oidc/token", Reply.json(400, "{\"code\":\"oidc.invalid_client\"}"));
      List<AttemptEvent> events = new CopyOnWriteArrayList<>();
      LogtoClient client = Fixtures.client(server).addListener(events::add).build();
      LogtoClient variant = client.newBuilder().build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoTokenException.class);
      assertThatThrownBy(() -> variant.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoTokenException.class);

      assertThat(events).hasSize(2).allSatisfy(event -> {
        assertThat(event.kind()).isEqualTo(AttemptKind.TOKEN);
        assertThat(event.status()).hasValue(400);
        assertThat(event.succeeded()).isFalse();
      });
      assertThat(events.get(0).id()).isLessThan(events.get(1).id());
      assertThat(server.count("/api/users/u1")).isZero();
    }
  }

  // the API attempts only, for tests about calls rather than tokens
  private static CallListener apiOnly(List<AttemptEvent> events) {
    return event -> {
      if (event.kind() == AttemptKind.API) {
        events.add(event);
      }
    };
  }

  @Test
  void eventRejectsInconsistentComponents() {
    assertThatThrownBy(() -> new AttemptEvent(1, AttemptKind.API, "GET", "/x", "/x", 0, OptionalInt.of(200), Optional.empty(),
        Duration.ZERO, Optional.empty())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempt");
    assertThatThrownBy(() -> new AttemptEvent(1, AttemptKind.API, "GET", "/x", "/x", 1, OptionalInt.empty(), Optional.empty(),
        Duration.ZERO, Optional.empty())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status");
    assertThatThrownBy(() -> LogtoClient.builder().addListener(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("listener");
  }
}

package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Fault;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Retries after network failures before a complete answer, against a byte-level loopback server that
 * counts what it received: idempotent methods always, POST and PATCH only with the per-call opt-in.
 */
final class NetworkFaultRetryTest {
  private static final List<Fault> BREAKS = List.of(Fault.RESET_BEFORE_ANSWER, Fault.CLOSE_BEFORE_ANSWER,
      Fault.CLOSE_MID_HEADERS, Fault.RESET_MID_BODY, Fault.TRUNCATED_BODY, Fault.NOT_HTTP);
  private static final RequestOptions OPT_IN = RequestOptions.builder().retryNonIdempotent(true).build();

  private static LogtoClient client(TestServer server) {
    return Fixtures.builder(new Fixtures.RecordingSleeper()).baseUrl(server.baseUrl())
        .tokenProvider(TokenProvider.of(() -> "t")).build();
  }

  private static ApiRequest request(String method) {
    ApiRequest.Builder builder = ApiRequest.of(method, "/api/users/u1");
    if (method.equals("POST") || method.equals("PATCH") || method.equals("PUT")) {
      builder.body(Map.of("name", "n"));
    }
    return builder.build();
  }

  @Test
  void idempotentMethodsAreRetriedAfterEachKindOfBreak() {
    for (Fault fault : BREAKS) {
      for (String method : new String[] {"GET", "PUT", "DELETE"}) {
        try (TestServer server = TestServer.start(fault, fault, Fault.OK)) {
          JsonNode user = client(server).call(request(method), JsonNode.class);

          assertThat(user.get("id").asText()).as(method + " " + fault).isEqualTo("u1");
          assertThat(server.requests()).as(method + " " + fault).hasSize(3)
              .allSatisfy(received -> assertThat(received.method()).isEqualTo(method));
        }
      }
    }
  }

  @Test
  void asyncCallsAreRetriedToo() {
    for (Fault fault : BREAKS) {
      try (TestServer server = TestServer.start(fault, Fault.OK)) {
        JsonNode user = client(server).callAsync(request("GET"), JsonNode.class, RequestOptions.defaults()).join();

        assertThat(user.get("id").asText()).as(fault.name()).isEqualTo("u1");
        assertThat(server.requests()).as(fault.name()).hasSize(2);
      }
    }
  }

  @Test
  void postAndPatchAreSentOnceWithoutTheOptIn() {
    for (Fault fault : BREAKS) {
      for (String method : new String[] {"POST", "PATCH"}) {
        try (TestServer server = TestServer.start(fault, Fault.OK)) {
          assertThatThrownBy(() -> client(server).call(request(method), JsonNode.class))
              .as(method + " " + fault).isInstanceOf(LogtoTransportException.class)
              .hasMessageContaining(method + " /api/users/u1");

          assertThat(server.requests()).as(method + " " + fault).hasSize(1);
        }
      }
    }
  }

  @Test
  void postAndPatchAreRetriedWithTheOptIn() {
    for (Fault fault : BREAKS) {
      for (String method : new String[] {"POST", "PATCH"}) {
        try (TestServer server = TestServer.start(fault, Fault.OK)) {
          JsonNode user = client(server).call(request(method), JsonNode.class, OPT_IN);

          assertThat(user.get("id").asText()).isEqualTo("u1");
          assertThat(server.requests()).as(method + " " + fault).hasSize(2)
              .allSatisfy(received -> assertThat(received.bodyText()).isEqualTo("{\"name\":\"n\"}"));
        }
      }
    }
  }

  @Test
  void retriesStopAtThePolicysLimit() {
    try (TestServer server = TestServer.start(Fault.RESET_MID_BODY)) {
      LogtoClient client = Fixtures.builder(new Fixtures.RecordingSleeper()).baseUrl(server.baseUrl())
          .tokenProvider(TokenProvider.of(() -> "t")).retryPolicy(RetryPolicy.defaults().withMaxRetries(3)).build();

      assertThatThrownBy(() -> client.call(request("GET"), JsonNode.class))
          .isInstanceOf(LogtoTransportException.class);
      assertThat(server.requests()).hasSize(4);

      assertThatThrownBy(() -> client.call(request("GET"), JsonNode.class,
          RequestOptions.builder().retryPolicy(RetryPolicy.none()).build()))
          .isInstanceOf(LogtoTransportException.class);
      assertThat(server.requests()).hasSize(5);
    }
  }

  @Test
  void refusedConnectionsOfAGetAreRetriedWithinTheLimit() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    List<AttemptEvent> events = new CopyOnWriteArrayList<>();
    LogtoClient client = Fixtures.builder(new Fixtures.RecordingSleeper()).baseUrl("http://127.0.0.1:" + port)
        .tokenProvider(TokenProvider.of(() -> "t")).addListener(events::add).build();

    assertThatThrownBy(() -> client.call(request("GET"), JsonNode.class))
        .isInstanceOf(LogtoTransportException.class).hasMessageContaining("GET /api/users/u1");

    assertThat(events).hasSize(3).allSatisfy(event -> assertThat(event.status()).isEmpty());
  }
}

package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Closing a client: its threads end, later calls fail clearly, variants follow the sharing rule. */
final class CloseTest {
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/u1").build();

  private static Set<Thread> sdkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("logto-http-") && thread.isAlive())
        .collect(Collectors.toSet());
  }

  @Test
  void closeEndsTheClientsThreadsAndLaterCallsFailClearly() throws InterruptedException {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      Set<Thread> before = sdkThreads();
      LogtoClient client = Fixtures.client(server).build();
      for (int i = 0; i < 4; i++) {
        client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()).join();
      }
      Set<Thread> started = sdkThreads();
      started.removeAll(before);
      assertThat(started).as("threads of the client's own executor").isNotEmpty();

      client.close();
      client.close(); // a second close does nothing

      for (int i = 0; i < 3000 && started.stream().anyMatch(Thread::isAlive); i++) {
        Thread.sleep(10);
      }
      assertThat(started).noneMatch(Thread::isAlive);
      long sent = server.count("/api/users/u1");
      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(IllegalStateException.class)
          .hasMessage("this LogtoClient is closed: GET /api/users/u1 not sent");
      assertThatThrownBy(() -> client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()).join())
          .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalStateException.class);
      assertThat(server.count("/api/users/u1")).isEqualTo(sent);
    }
  }

  @Test
  void variantsShareTheHttpClientUntilTheLastOneCloses() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      LogtoClient parent = Fixtures.client(server).build();
      LogtoClient variant = parent.newBuilder().build();
      LogtoClient.Builder laterVariant = parent.newBuilder();

      parent.close();
      assertThat(variant.call(GET_USER, JsonNode.class)).isNotNull();
      LogtoClient third = laterVariant.build();
      variant.close();
      assertThat(third.call(GET_USER, JsonNode.class)).isNotNull();
      third.close();

      assertThatThrownBy(() -> parent.newBuilder().build()).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
      // a variant with its own HTTP client shares nothing, so it may still be built
      LogtoClient fresh = parent.newBuilder()
          .httpClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()).build();
      assertThat(fresh.call(GET_USER, JsonNode.class)).isNotNull();
    }
  }

  @Test
  void httpClientOfTheCallerStaysOpen() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      try (LogtoClient client = Fixtures.client(server).httpClient(own).build()) {
        client.call(GET_USER, JsonNode.class);
      }

      HttpResponse<String> direct = own.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/users/u1"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(direct.statusCode()).isEqualTo(200);
    }
  }
}

package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

final class InterceptorTest {
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/{id}").pathParam("id", "u1")
      .query("search", "private@example.com").build();

  @Test
  void interceptorsSeeJdkRequestsNeverTheSdksInternalOnes() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      List<Object> seen = new CopyOnWriteArrayList<>();
      Interceptor passThrough = chain -> {
        seen.add(chain.request());
        return chain.proceed(chain.request()).thenApply(response -> {
          seen.add(response.request());
          return response;
        });
      };
      LogtoClient client = Fixtures.client(server).addInterceptor(passThrough).build();

      client.call(GET_USER, JsonNode.class);
      client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()).join();

      assertThat(seen).hasSize(4).allSatisfy(request -> {
        assertThat(request).isInstanceOf(HttpRequest.class);
        assertThat(request.getClass().getName()).doesNotStartWith("io.logto");
        assertThat(((HttpRequest) request).headers().firstValue("Authorization")).isEmpty();
      });
      assertThat(server.requests("/api/users/u1")).hasSize(2)
          .allSatisfy(request -> assertThat(request.header("Authorization")).hasValue("Bearer token-1"));
    }
  }

  @Test
  void interceptorsRunInOrderAndSeeTheOutcome() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(503, "{}"),
          Reply.json(200, "{}").header("Logto-Core-Request-Id", "rid-1"));
      List<String> events = new CopyOnWriteArrayList<>();
      List<RawResponse> seen = new CopyOnWriteArrayList<>();
      LogtoClient client = Fixtures.client(server)
          .addInterceptor(chain -> {
            events.add("outer " + chain.request().method() + " " + chain.request().uri().getRawPath());
            return chain.proceed(chain.request()).whenComplete((response, failure) -> events.add("outer done"));
          })
          .addInterceptor(chain -> {
            events.add("inner sees Authorization: " + chain.request().headers().firstValue("Authorization").isPresent());
            HttpRequest tagged = HttpRequest.newBuilder(chain.request(), (name, value) -> true)
                .header("X-Tag", "inner").build();
            return chain.proceed(tagged).whenComplete((response, failure) -> {
              seen.add(response);
              events.add("inner done");
            });
          })
          .build();

      client.call(GET_USER, JsonNode.class);

      // user interceptors wrap the retries: they run once for a call that took two attempts
      assertThat(events).containsExactly("outer GET /api/users/u1", "inner sees Authorization: false", "inner done",
          "outer done");
      RawResponse response = seen.get(0);
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.attempts()).isEqualTo(2);
      assertThat(response.requestId()).hasValue("rid-1");
      assertThat(response.duration()).isPositive();
      assertThat(response.request().headers().firstValue("Authorization")).isEmpty();
      assertThat(server.requests("/api/users/u1")).allSatisfy(r -> assertThat(r.header("X-Tag")).hasValue("inner"));
    }
  }

  @Test
  void interceptorFailureFailsTheCall() {
    try (TestServer server = TestServer.start()) {
      LogtoClient client = Fixtures.client(server).addInterceptor(chain -> {
        throw new IllegalStateException("blocked by policy");
      }).build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(IllegalStateException.class)
          .hasMessage("blocked by policy");
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void debugLogShowsCallsButNoSecretTokenOrQuery() {
    CapturedLogs.clear();
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}").header("Logto-Core-Request-Id", "rid-7"));
      LogtoClient client = Fixtures.client(server)
          .addInterceptor(chain -> chain.proceed(HttpRequest.newBuilder(chain.request(), (n, v) -> true)
              .header("Authorization", "Basic c2VjcmV0").build()))
          .build();

      client.call(GET_USER, JsonNode.class);

      String logs = CapturedLogs.all();
      assertThat(logs).contains("GET /api/users/u1 -> 200").contains("(attempt 1, request id rid-7)")
          .contains("token request POST /oidc/token -> 200").contains("Authorization=<redacted>");
      assertThat(logs).doesNotContain(Fixtures.SECRET).doesNotContain("token-1").doesNotContain("c2VjcmV0")
          .doesNotContain("private@example.com");
      assertThat(CapturedLogs.events()).filteredOn(e -> e.logger().equals("io.logto.management.core.http"))
          .extracting(CapturedLogs.Event::level).contains(Level.DEBUG, Level.TRACE);
    }
  }

  @Test
  void failuresAreLoggedWithoutSecrets() {
    CapturedLogs.clear();
    try (TestServer server = TestServer.start()) {
      server.replies("/oidc/token", Reply.json(401, "{\"code\":\"oidc.invalid_client\",\"message\":\"bad "
          + Fixtures.SECRET + "\"}"));
      LogtoClient client = Fixtures.client(server).build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOfSatisfying(LogtoTokenException.class,
          e -> assertThat(new String(e.body(), StandardCharsets.UTF_8)).contains("oidc.invalid_client"))
          .hasMessageNotContaining(Fixtures.SECRET);

      assertThat(CapturedLogs.all()).contains("failed").doesNotContain(Fixtures.SECRET);
    }
  }

  @Test
  void retryWaitsAreLogged() {
    CapturedLogs.clear();
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(503, "{}").header("Retry-After", "2"), Reply.json(200, "{}"));
      Fixtures.client(server).build().call(GET_USER, JsonNode.class);

      assertThat(CapturedLogs.all()).contains("attempt 1 answered 503; retrying in " + Duration.ofSeconds(2).toMillis());
      // one DEBUG line per attempt, each with its own number
      assertThat(CapturedLogs.events()).filteredOn(e -> e.logger().equals("io.logto.management.core.http")
              && e.level() == Level.DEBUG && e.message().startsWith("GET"))
          .extracting(CapturedLogs.Event::message)
          .satisfiesExactly(first -> assertThat(first).contains("GET /api/users/u1 -> 503").contains("attempt 1"),
              second -> assertThat(second).contains("GET /api/users/u1 -> 200").contains("attempt 2"));
    }
  }
}

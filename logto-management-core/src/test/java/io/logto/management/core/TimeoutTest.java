package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

final class TimeoutTest {
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/u1").build();

  @Test
  void requestTimesOutWhenTheServerNeverAnswers() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.never());
      LogtoClient client = Fixtures.client(server).requestTimeout(Duration.ofMillis(200)).build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoTimeoutException.class)
          .hasMessageContaining("GET /api/users/u1");
      // a timeout is not a connection failure: not retried
      assertThat(server.count("/api/users/u1")).isEqualTo(1);
    }
  }

  @Test
  void requestTimesOutWhenTheBodyStalls() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.stallBody(200));
      LogtoClient client = Fixtures.client(server).requestTimeout(Duration.ofMillis(300)).build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoTimeoutException.class)
          .hasMessageContaining("GET /api/users/u1: no complete answer");
    }
  }

  @Test
  void timeoutCoversHeadersAndBodyTogether() {
    try (TestServer server = TestServer.start()) {
      // headers after 700 ms and the body 700 ms later: each part alone is within 1 s, the whole is not
      server.tokens().on("/api/users/u1", request -> {
        sleep(Duration.ofMillis(700));
        return Reply.json(200, "{\"id\":\"u1\"}").bodyAfter(Duration.ofMillis(700));
      });
      LogtoClient client = Fixtures.client(server).requestTimeout(Duration.ofSeconds(1)).build();

      // (on a very loaded machine the headers themselves may come late: a timeout either way)
      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class)).isInstanceOf(LogtoTimeoutException.class)
          .hasMessageContaining("GET /api/users/u1");
      assertThat(client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()))
          .failsWithin(Duration.ofSeconds(30))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(LogtoTimeoutException.class);
      // the same answer fits a timeout that covers both parts (generous: a loaded machine once took over 5 s)
      assertThat(client.call(GET_USER, JsonNode.class,
          RequestOptions.builder().timeout(Duration.ofSeconds(30)).build()).get("id").asText()).isEqualTo("u1");
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void perCallTimeoutOverridesTheClients() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.never());
      LogtoClient client = Fixtures.client(server).noRequestTimeout().build();

      assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class,
          RequestOptions.builder().timeout(Duration.ofMillis(200)).build())).isInstanceOf(LogtoTimeoutException.class);
    }
  }

  @Test
  void defaultTimeoutIsTenSecondsAndNoTimeoutDisables() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      AtomicReference<Optional<Duration>> seen = new AtomicReference<>();
      Interceptor spy = chain -> {
        seen.set(chain.request().timeout());
        return chain.proceed(chain.request());
      };
      LogtoClient client = Fixtures.client(server).addInterceptor(spy).build();

      client.call(GET_USER, JsonNode.class);
      assertThat(seen.get()).hasValue(Duration.ofSeconds(10));
      assertThat(client.requestTimeout()).hasValue(Duration.ofSeconds(10));

      client.call(GET_USER, JsonNode.class, RequestOptions.builder().noTimeout().build());
      assertThat(seen.get()).isEmpty();

      LogtoClient unlimited = client.newBuilder().noRequestTimeout().build();
      unlimited.call(GET_USER, JsonNode.class);
      assertThat(seen.get()).isEmpty();
      assertThat(unlimited.requestTimeout()).isEmpty();
      unlimited.call(GET_USER, JsonNode.class, RequestOptions.builder().timeout(Duration.ofSeconds(3)).build());
      assertThat(seen.get()).hasValue(Duration.ofSeconds(3));
    }
  }

  @Test
  void everyDurationOptionRejectsZeroAndNegativeAlike() {
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1)}) {
      List<ThrowingCallable> setters = List.of(
          () -> LogtoClient.builder().requestTimeout(bad),
          () -> LogtoClient.builder().tokenTimeout(bad),
          () -> RequestOptions.builder().timeout(bad),
          () -> new RequestOptions(Optional.of(bad), Map.of(), Optional.empty(), false),
          () -> new RetryPolicy(1, bad, Duration.ofSeconds(1), Duration.ofSeconds(1)),
          () -> new RetryPolicy(1, Duration.ofMillis(1), bad, Duration.ofSeconds(1)),
          () -> new RetryPolicy(1, Duration.ofMillis(1), Duration.ofSeconds(1), bad));
      for (ThrowingCallable setter : setters) {
        assertThatThrownBy(setter).isInstanceOf(IllegalArgumentException.class)
            .hasMessageEndingWith(" must be positive: " + bad);
      }
    }
    assertThatThrownBy(() -> LogtoClient.builder().requestTimeout(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("requestTimeout == null");
    assertThatThrownBy(() -> new RequestOptions(Optional.of(Duration.ofSeconds(1)), Map.of(), Optional.empty(),
        false, true)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noTimeout");
    assertThat(RequestOptions.builder().timeout(Duration.ofSeconds(1)).noTimeout().build())
        .satisfies(options -> {
          assertThat(options.noTimeout()).isTrue();
          assertThat(options.timeout()).isEmpty();
        });
  }

  @Test
  void interruptedCallerGetsTransportErrorWithFlagRestored() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.never());
      LogtoClient client = Fixtures.client(server).noRequestTimeout().build();
      CompletableFuture<Throwable> thrown = new CompletableFuture<>();
      CompletableFuture<Boolean> flag = new CompletableFuture<>();
      CountDownLatch calling = new CountDownLatch(1);
      Thread caller = new Thread(() -> {
        try {
          calling.countDown();
          client.call(GET_USER, JsonNode.class);
          thrown.complete(null);
        } catch (RuntimeException e) {
          thrown.complete(e);
        }
        flag.complete(Thread.currentThread().isInterrupted());
      });
      caller.start();
      calling.await(10, TimeUnit.SECONDS);
      // interrupt once the call is waiting on the server
      for (int i = 0; i < 3000 && server.count("/api/users/u1") == 0; i++) {
        Thread.sleep(10);
      }
      caller.interrupt();

      assertThat(thrown.get(10, TimeUnit.SECONDS)).isInstanceOf(LogtoTransportException.class)
          .hasMessageContaining("interrupted");
      assertThat(flag.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void asyncCallTimesOutWithoutBlocking() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.never());
      LogtoClient client = Fixtures.client(server).requestTimeout(Duration.ofMillis(200)).build();

      CompletableFuture<JsonNode> call = client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults());

      assertThat(call).failsWithin(Duration.ofSeconds(30))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(LogtoTimeoutException.class);
    }
  }

  @Test
  void asyncCallTimesOutWhenTheBodyStalls() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.stallBody(200));
      LogtoClient client = Fixtures.client(server).requestTimeout(Duration.ofMillis(300)).build();

      assertThat(client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()))
          .failsWithin(Duration.ofSeconds(30))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(LogtoTimeoutException.class);
    }
  }

  @Test
  void aShorterBodyTimeoutFiresWhileALongerOneIsStillPending() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.stallBody(200));
      LogtoClient client = Fixtures.client(server).build();

      // the watchdog first sleeps until the 10-minute deadline; the later, shorter one must wake it earlier
      CompletableFuture<JsonNode> patient = client.callAsync(GET_USER, JsonNode.class,
          RequestOptions.builder().timeout(Duration.ofMinutes(10)).build());
      CompletableFuture<JsonNode> hasty = client.callAsync(GET_USER, JsonNode.class,
          RequestOptions.builder().timeout(Duration.ofMillis(300)).build());

      assertThat(hasty).failsWithin(Duration.ofSeconds(30))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(LogtoTimeoutException.class);
      assertThat(patient).isNotDone();
      patient.cancel(true);
    }
  }

  @Test
  void interruptDuringBackoffEndsTheCallWithFlagRestored() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(503, "{}").header("Retry-After", "25"));
      // the real blocking sleeper: the call waits 25 s before its retry unless interrupted
      LogtoClient client = LogtoClient.builder().baseUrl(server.baseUrl()).clientId(Fixtures.CLIENT_ID)
          .clientSecret(Fixtures.SECRET).build();
      CompletableFuture<Throwable> thrown = new CompletableFuture<>();
      CompletableFuture<Boolean> flag = new CompletableFuture<>();
      Thread caller = new Thread(() -> {
        try {
          client.call(GET_USER, JsonNode.class);
          thrown.complete(null);
        } catch (RuntimeException e) {
          thrown.complete(e);
        }
        flag.complete(Thread.currentThread().isInterrupted());
      });
      caller.start();
      for (int i = 0; i < 3000 && server.count("/api/users/u1") == 0; i++) {
        Thread.sleep(10);
      }
      caller.interrupt();

      assertThat(thrown.get(20, TimeUnit.SECONDS)).isInstanceOf(LogtoTransportException.class)
          .hasMessageContaining("interrupted");
      assertThat(flag.get(20, TimeUnit.SECONDS)).isTrue();
      assertThat(server.count("/api/users/u1")).isEqualTo(1);
    }
  }
}

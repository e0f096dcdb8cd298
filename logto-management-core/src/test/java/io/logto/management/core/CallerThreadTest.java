package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One chain serves both APIs; which thread does the work is a property of the call. A listener records
 * the thread each attempt starts and ends on: {@code onAttemptStart} runs on the thread that sends,
 * {@code onAttempt} on the one that receives the answer.
 */
final class CallerThreadTest {
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/{id}").pathParam("id", "u1").build();
  // real waits between attempts (no test sleeper), short enough for a test
  private static final RetryPolicy QUICK_RETRIES =
      new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(10));

  /** Where the attempts of API calls ran. */
  private static final class Threads implements CallListener {
    final List<Thread> started = new CopyOnWriteArrayList<>();
    final List<Thread> ended = new CopyOnWriteArrayList<>();

    @Override
    public void onAttemptStart(AttemptStart attempt) {
      if (attempt.kind() == AttemptKind.API) {
        started.add(Thread.currentThread());
      }
    }

    @Override
    public void onAttempt(AttemptEvent attempt) {
      if (attempt.kind() == AttemptKind.API) {
        ended.add(Thread.currentThread());
      }
    }
  }

  @Test
  void synchronousCallSendsAndReceivesEveryAttemptOnTheCallingThread() {
    try (TestServer server = TestServer.start()) {
      // the first call fetches a token, is answered 503 and waits before its retry
      server.tokens().replies("/api/users/u1", Reply.json(503, "{}"), Reply.json(200, "{\"id\":\"u1\"}"));
      Threads threads = new Threads();
      try (LogtoClient client = client(server, threads)) {
        JsonNode user = client.call(GET_USER, JsonNode.class);

        assertThat(user.get("id").asText()).isEqualTo("u1");
        assertThat(threads.started).hasSize(2).containsOnly(Thread.currentThread());
        assertThat(threads.ended).hasSize(2).containsOnly(Thread.currentThread());
      }
    }
  }

  @Test
  void asynchronousCallBlocksNoThreadForTheTokenNorBetweenAttempts() throws Exception {
    try (TestServer server = TestServer.start()) {
      CountDownLatch tokenMayAnswer = new CountDownLatch(1);
      server.on("/oidc/token", request -> {
        await(tokenMayAnswer);
        return Reply.json(200, "{\"access_token\":\"t\",\"expires_in\":3600,\"scope\":\"all\"}");
      }).replies("/api/users/u1", Reply.json(503, "{}"), Reply.json(200, "{\"id\":\"u1\"}"));
      Threads threads = new Threads();
      try (LogtoClient client = client(server, threads)) {
        CompletableFuture<JsonNode> user = client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults());

        // the call returned while its token request is still unanswered: nothing waited for it
        assertThat(user).isNotDone();
        assertThat(threads.started).isEmpty();
        tokenMayAnswer.countDown();
        assertThat(user.get(10, TimeUnit.SECONDS).get("id").asText()).isEqualTo("u1");
        assertThat(threads.started).hasSize(2).doesNotContain(Thread.currentThread());
        assertThat(threads.ended).hasSize(2).doesNotContain(Thread.currentThread());
      } finally {
        tokenMayAnswer.countDown();
      }
    }
  }

  @Test
  void synchronousAndAsynchronousCallsShareOneClientWithoutCrossingOver() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.tokens().on("/api/users/u1", request -> Reply.json(200, "{\"id\":\"u1\"}"));
      Threads threads = new Threads();
      try (LogtoClient client = client(server, threads)) {
        client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()).get(10, TimeUnit.SECONDS);
        client.call(GET_USER, JsonNode.class);

        assertThat(threads.ended).hasSize(2);
        assertThat(threads.ended.get(0)).isNotEqualTo(Thread.currentThread());
        assertThat(threads.ended.get(1)).isEqualTo(Thread.currentThread());
      }
    }
  }

  private static LogtoClient client(TestServer server, Threads threads) {
    return LogtoClient.builder().baseUrl(server.baseUrl()).clientId(Fixtures.CLIENT_ID).clientSecret(Fixtures.SECRET)
        .retryPolicy(QUICK_RETRIES).addListener(threads).build();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many first calls at once share one token request. */
final class ConcurrencyTest {
  private static final int CALLERS = 100;
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/u1").build();

  @Test
  void hundredConcurrentFuturesMakeOneTokenRequest() {
    try (TestServer server = TestServer.start()) {
      CountDownLatch release = new CountDownLatch(1);
      server.on("/oidc/token", request -> {
        await(release);
        return Reply.json(200, "{\"access_token\":\"shared\",\"expires_in\":3600,\"scope\":\"all\"}");
      });
      server.replies("/api/users/u1", Reply.json(200, "{\"id\":\"u1\"}"));
      LogtoClient client = Fixtures.client(server).build();

      List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        calls.add(client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()));
      }
      // every call was started before the token endpoint answered
      release.countDown();
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

      assertThat(server.count("/oidc/token")).isEqualTo(1);
      assertThat(server.requests("/api/users/u1")).hasSize(CALLERS)
          .allSatisfy(request -> assertThat(request.header("Authorization")).hasValue("Bearer shared"));
    }
  }

  @Test
  void hundredConcurrentThreadsMakeOneTokenRequest() throws Exception {
    try (TestServer server = TestServer.start()) {
      CountDownLatch started = new CountDownLatch(CALLERS);
      CountDownLatch release = new CountDownLatch(1);
      server.on("/oidc/token", request -> {
        await(release);
        return Reply.json(200, "{\"access_token\":\"shared\",\"expires_in\":3600,\"scope\":\"all\"}");
      });
      server.replies("/api/users/u1", Reply.json(200, "{\"id\":\"u1\"}"));
      LogtoClient client = Fixtures.client(server).build();
      ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
      try {
        List<Future<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
          calls.add(threads.submit(() -> {
            started.countDown();
            return client.call(GET_USER, JsonNode.class);
          }));
        }
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        for (Future<JsonNode> call : calls) {
          assertThat(call.get(30, TimeUnit.SECONDS).get("id").asText()).isEqualTo("u1");
        }
      } finally {
        threads.shutdownNow();
      }

      assertThat(server.count("/oidc/token")).isEqualTo(1);
      assertThat(server.count("/api/users/u1")).isEqualTo(CALLERS);
    }
  }

  @Test
  void aFailedSharedRequestFailsAllWaitersAndIsNotCached() {
    try (TestServer server = TestServer.start()) {
      CountDownLatch release = new CountDownLatch(1);
      java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
      server.on("/oidc/token", request -> {
        if (calls.incrementAndGet() == 1) {
          await(release);
          return Reply.json(400, "{\"code\":\"oidc.invalid_target\",\"message\":\"Invalid resource indicator.\"}");
        }
        return Reply.json(200, "{\"access_token\":\"second\",\"expires_in\":3600,\"scope\":\"all\"}");
      });
      server.replies("/api/users/u1", Reply.json(200, "{}"));
      LogtoClient client = Fixtures.client(server).build();

      List<CompletableFuture<JsonNode>> waiting = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        waiting.add(client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()));
      }
      release.countDown();

      assertThat(waiting).allSatisfy(call -> assertThat(call).failsWithin(java.time.Duration.ofSeconds(30))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(LogtoTokenException.class));
      assertThat(client.call(GET_USER, JsonNode.class)).isNotNull();
      assertThat(server.count("/oidc/token")).isEqualTo(2);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Fault;
import io.logto.management.testsupport.TestServer.Reply;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Cancelling an async call's future aborts its exchange. */
final class CancellationTest {
  @Test
  void cancellingTheFutureClosesTheConnection() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (TestServer server = TestServer.start()) {
      server.on("/api/slow", request -> {
        received.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Reply.fault(Fault.CHUNKED_128_MIB);
      });
      LogtoClient client = LogtoClient.builder().baseUrl(server.baseUrl())
          .tokenProvider(TokenProvider.of(() -> "t")).noRequestTimeout().build();

      CompletableFuture<JsonNode> call = client.callAsync(ApiRequest.get("/api/slow").build(), JsonNode.class,
          RequestOptions.defaults());
      assertThat(received.await(30, TimeUnit.SECONDS)).isTrue();
      call.cancel(true);
      release.countDown();

      assertThat(call).isCancelled();
      assertThat(server.awaitUnfinishedAnswers(1, Duration.ofSeconds(30)))
          .as("the server's write failed: the client hung up").isTrue();
    } finally {
      release.countDown();
    }
  }
}

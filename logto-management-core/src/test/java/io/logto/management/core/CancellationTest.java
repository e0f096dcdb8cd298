package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Cancelling an async call's future aborts its exchange. */
final class CancellationTest {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  @Test
  void cancellingTheFutureClosesTheConnection() throws Exception {
    CountDownLatch received = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> writeFailed = new CompletableFuture<>();
    ExecutorService executor = Executors.newCachedThreadPool();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/api/slow", exchange -> {
      received.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
        byte[] chunk = new byte[64 * 1024];
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
          // far more than socket buffers hold: writing fails once the client has gone
          for (int i = 0; i < 2048; i++) {
            out.write(chunk);
          }
        }
        writeFailed.complete(false);
      } catch (IOException e) {
        writeFailed.complete(true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        exchange.close();
      }
    });
    server.start();
    try {
      LogtoClient client = LogtoClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
          .tokenProvider(TokenProvider.of(() -> "t")).noRequestTimeout().build();

      CompletableFuture<JsonNode> call = client.callAsync(ApiRequest.get("/api/slow").build(), JsonNode.class,
          RequestOptions.defaults());
      assertThat(received.await(30, TimeUnit.SECONDS)).isTrue();
      call.cancel(true);
      release.countDown();

      assertThat(call).isCancelled();
      assertThat(writeFailed.get(30, TimeUnit.SECONDS)).as("the server's write failed: the client hung up").isTrue();
    } finally {
      release.countDown();
      server.stop(0);
      executor.shutdownNow();
    }
  }
}

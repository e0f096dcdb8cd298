package io.logto.benchmarks;

import io.logto.management.core.client.LogtoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fires many first calls at once on a fresh client (empty token cache) and reports how many token
 * requests reached the server: a client that shares one in-flight token request makes exactly one.
 * The server holds each token answer for 50 ms so the callers really overlap the request.
 */
final class FirstCallStorm {
  private FirstCallStorm() {}

  /**
   * Runs the storm with threads released by a latch, then with async calls, and prints both counts.
   *
   * @param server the server process (counts token requests)
   * @param callers how many concurrent first calls
   * @throws Exception if the server cannot be reached for the count
   */
  static void run(ServerProcess server, int callers) throws Exception {
    System.out.println();
    System.out.printf(Locale.ROOT, "token requests for %,d concurrent first calls on a fresh client (target: 1)%n", callers);

    server.resetTokenCount();
    AtomicInteger threadFailures = new AtomicInteger();
    LogtoClient fresh = SdkCaller.newClient(server.baseUrl());
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>(callers);
    for (int i = 0; i < callers; i++) {
      Thread thread = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
          SdkCaller.listUsers(fresh, 1);
        } catch (Exception e) {
          threadFailures.incrementAndGet();
        }
      }, "storm-" + i);
      thread.start();
      threads.add(thread);
    }
    ready.await();
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    System.out.printf(Locale.ROOT, "  sync, %,d threads released by a latch: %d token request(s), %d failed call(s)%n",
        callers, server.tokenRequests(), threadFailures.get());

    server.resetTokenCount();
    LogtoClient freshAsync = SdkCaller.newClient(server.baseUrl());
    List<CompletableFuture<List<BenchUser>>> futures = new ArrayList<>(callers);
    for (int i = 0; i < callers; i++) {
      futures.add(SdkCaller.listUsersAsync(freshAsync, 1));
    }
    int asyncFailures = 0;
    for (CompletableFuture<List<BenchUser>> future : futures) {
      try {
        future.join();
      } catch (RuntimeException e) {
        asyncFailures++;
      }
    }
    System.out.printf(Locale.ROOT, "  async, %,d callAsync futures started together: %d token request(s), %d failed call(s)%n",
        callers, server.tokenRequests(), asyncFailures);
  }
}

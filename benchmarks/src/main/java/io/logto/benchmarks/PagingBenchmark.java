package io.logto.benchmarks;

import io.logto.management.core.ApiRequest;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.Paginated;
import io.logto.management.core.Pagination;
import io.logto.management.core.RequestOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.UnaryOperator;

/**
 * Lists every user through {@code client.paginate} (what the generated {@code listAll} methods call)
 * against a server that answers each page after a delay, as a remote Logto does: sequential, with
 * prefetch and with parallel requests, rounds alternated. Then walks 100,000 users and reports the
 * live heap sampled after a full collection every 100 pages, against the heap before the walk.
 *
 * <p>Options: {@code --users 10000}, {@code --delay-ms 20}, {@code --rounds 5} (0 skips the timing),
 * {@code --memory-users 100000} (0 skips).
 */
public final class PagingBenchmark {
  private static final ApiRequest USERS = ApiRequest.get("/api/users").build();

  private PagingBenchmark() {}

  /**
   * Runs the benchmark and prints the results.
   *
   * @param args the options above
   * @throws Exception if a call fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchArgs.parse(args);
    int users = Integer.parseInt(options.getOrDefault("users", "10000"));
    int delay = Integer.parseInt(options.getOrDefault("delay-ms", "20"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
    int memoryUsers = Integer.parseInt(options.getOrDefault("memory-users", "100000"));

    Map<String, UnaryOperator<Paginated<BenchUser>>> modes = new LinkedHashMap<>();
    modes.put("sequential", listing -> listing);
    modes.put("prefetch(2)", listing -> listing.prefetch(2));
    modes.put("parallel(4)", listing -> listing.parallel(4));
    modes.put("parallel(8)", listing -> listing.parallel(8));

    System.out.printf(Locale.ROOT, "paging %,d users, 100 per page, server adds %d ms per page; Java %s, %d CPUs,"
        + " load average %.1f%n", users, delay, System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    timing:
    try (ServerProcess server = ServerProcess.start(List.of(String.valueOf(users), String.valueOf(delay)))) {
      if (rounds < 1) {
        break timing;
      }
      LogtoClient client = SdkCaller.newClient(server.baseUrl());
      Paginated<BenchUser> listing = client.paginate(USERS, BenchUser.class, Pagination.defaults(),
          RequestOptions.defaults());
      // warm-up: every mode once, the publisher once
      for (UnaryOperator<Paginated<BenchUser>> mode : modes.values()) {
        walk(mode.apply(listing), users);
      }
      publish(listing.parallel(4), users);

      Map<String, List<Double>> seconds = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(modes.keySet());
      names.add("publisher parallel(4)");
      for (int round = 0; round < rounds; round++) {
        List<String> order = new ArrayList<>(names);
        if (round % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (String name : order) {
          long t0 = System.nanoTime();
          if (name.startsWith("publisher")) {
            publish(listing.parallel(4), users);
          } else {
            walk(modes.get(name).apply(listing), users);
          }
          seconds.computeIfAbsent(name, n -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);
        }
      }
      double sequential = BenchArgs.median(seconds.get("sequential"));
      System.out.printf(Locale.ROOT, "%-22s | %9s | %18s%n", "mode", "median s", "speed-up vs sequential");
      for (String name : names) {
        double median = BenchArgs.median(seconds.get(name));
        System.out.printf(Locale.ROOT, "%-22s | %9.3f | %6.2fx%s%n", name, median, sequential / median,
            name.equals("parallel(4)") ? (sequential / median >= 3 ? "  [target >= 3x met]" : "  [below 3x]") : "");
      }
    }

    if (memoryUsers > 0) {
      try (ServerProcess server = ServerProcess.start(List.of(String.valueOf(memoryUsers), "0"))) {
        LogtoClient client = SdkCaller.newClient(server.baseUrl());
        Paginated<BenchUser> listing = client.paginate(USERS, BenchUser.class, Pagination.defaults(),
            RequestOptions.defaults());
        long onePage = pageFootprint(client);
        System.out.printf(Locale.ROOT, "%nmemory: %,d users; one decoded page of 100 holds %,d kB live%n",
            memoryUsers, onePage >> 10);
        // the same modes over a tenth of the users (the last pages): a bound does not grow with the walk
        int shortStart = (memoryUsers - memoryUsers / 10) / 100 + 1;
        Paginated<BenchUser> lastTenth = client.paginate(USERS, BenchUser.class, Pagination.of(shortStart, 100),
            RequestOptions.defaults());
        for (Map.Entry<String, UnaryOperator<Paginated<BenchUser>>> mode : modes.entrySet()) {
          long[] shortWalk = liveHeapGrowth(mode.getValue().apply(lastTenth), memoryUsers / 10);
          long[] walk = liveHeapGrowth(mode.getValue().apply(listing), memoryUsers);
          System.out.printf(Locale.ROOT, "  %-12s live heap growth, peak during / after the walk: %,d users +%,d / +%,d kB,"
              + " %,d users +%,d / +%,d kB%n", mode.getKey(), memoryUsers / 10, shortWalk[0] >> 10, shortWalk[1] >> 10,
              memoryUsers, walk[0] >> 10, walk[1] >> 10);
        }
      }
    }
  }

  private static void walk(Paginated<BenchUser> listing, int expected) {
    long count = 0;
    for (BenchUser user : listing) {
      if (user.id() != null) {
        count++;
      }
    }
    if (count != expected) {
      throw new IllegalStateException("expected " + expected + " users, got " + count);
    }
  }

  private static void publish(Paginated<BenchUser> listing, int expected) {
    CompletableFuture<Long> done = new CompletableFuture<>();
    listing.publisher().subscribe(new Flow.Subscriber<>() {
      private Flow.Subscription subscription;
      private long count;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(100);
      }

      @Override
      public void onNext(BenchUser item) {
        if (++count % 100 == 0) {
          subscription.request(100);
        }
      }

      @Override
      public void onError(Throwable failure) {
        done.completeExceptionally(failure);
      }

      @Override
      public void onComplete() {
        done.complete(count);
      }
    });
    if (done.join() != expected) {
      throw new IllegalStateException("expected " + expected + " users, got " + done.join());
    }
  }

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private static long liveHeap() {
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static long pageFootprint(LogtoClient client) {
    SdkCaller.listUsers(client, 100); // the first call fills caches that would count as the page
    long before = liveHeap();
    List<BenchUser> page = SdkCaller.listUsers(client, 100);
    long after = liveHeap();
    if (page.size() != 100) {
      throw new IllegalStateException("short page");
    }
    return Math.max(1, after - before);
  }

  // the live heap, sampled after a full GC every 50 pages and once the walk is over (what stays is
  // the HTTP client's pooled connections, not pages), minus the live heap before the walk
  private static long[] liveHeapGrowth(Paginated<BenchUser> listing, int expected) {
    long before = liveHeap();
    long peak = 0;
    long count = 0;
    for (BenchUser user : listing) {
      if (user.id() != null) {
        count++;
      }
      if (count % 5_000 == 50) {
        peak = Math.max(peak, liveHeap() - before);
      }
    }
    if (count != expected) {
      throw new IllegalStateException("expected " + expected + " users, got " + count);
    }
    return new long[] {peak, liveHeap() - before};
  }
}

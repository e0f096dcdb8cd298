package io.logto.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Compares the SDK's path-level GET with raw {@code java.net.http} + Jackson on the same call,
 * {@code GET /api/users?page=1&page_size=100} decoded into 100 {@link BenchUser} records, and counts
 * the token requests of 1,000 concurrent first calls on a fresh client.
 *
 * <p>A plain {@code main} rather than JMH: the unit of work is a network round trip to a server in a
 * child JVM, and the comparison needs both clients interleaved inside one JVM (same JIT state, same
 * server, alternating order each round), which JMH's one-benchmark-per-fork model does not give.
 *
 * <p>Options (all optional): {@code --rounds N} (default 16), {@code --seconds S} per measured run
 * (default 1.5), {@code --warmup S} per warm-up run (default 3), {@code --page-size N} (default 100), {@code --threads 1,8},
 * {@code --compare raw,sdk} ({@code raw,raw} measures the noise floor; {@code raw-async} and
 * {@code sdk-direct} are diagnostic variants, see {@link RawCaller} and {@link SdkCaller}),
 * {@code --storm 1000} (concurrent first calls; 0 skips), {@code --interleaved-rounds 8} (0 skips).
 */
public final class CallBenchmark {
  private CallBenchmark() {}

  /**
   * Runs the benchmark and prints the results.
   *
   * @param args the options above
   * @throws Exception if a call fails: a benchmark of a failing client measures nothing
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchArgs.parse(args);
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "16"));
    Duration measure = Duration.ofMillis((long) (1000 * Double.parseDouble(options.getOrDefault("seconds", "1.5"))));
    Duration warmup = Duration.ofMillis((long) (1000 * Double.parseDouble(options.getOrDefault("warmup", "3"))));
    int[] threadCounts = Arrays.stream(options.getOrDefault("threads", "1,8").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    String[] compare = options.getOrDefault("compare", "raw,sdk").split(",");
    if (compare.length != 2) {
      throw new IllegalArgumentException("--compare needs two clients, e.g. raw,sdk: " + options.get("compare"));
    }
    int storm = Integer.parseInt(options.getOrDefault("storm", "1000"));
    int interleavedRounds = Integer.parseInt(options.getOrDefault("interleaved-rounds", "8"));
    // a small page shows the fixed cost per call that decoding a full page hides
    int pageSize = Integer.parseInt(options.getOrDefault("page-size", "100"));
    if (pageSize < 1 || pageSize > 100) {
      throw new IllegalArgumentException("--page-size must be 1..100: " + pageSize);
    }

    try (ServerProcess server = ServerProcess.start()) {
      String base = server.baseUrl();
      UsersCaller first = create(compare[0], base);
      UsersCaller second = create(compare[1], base);
      printHeader(rounds, measure, warmup, first, second, pageSize);

      // warm-up: both clients at every thread count, alternating, twice
      for (int pass = 0; pass < 2; pass++) {
        for (int threads : threadCounts) {
          LoadRunner.run(first, threads, warmup, pageSize);
          LoadRunner.run(second, threads, warmup, pageSize);
        }
      }

      Map<Integer, List<LoadRunner.Result>> firstResults = new LinkedHashMap<>();
      Map<Integer, List<LoadRunner.Result>> secondResults = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (int threads : threadCounts) {
          // ABBA: alternate who goes first so drift (other load, heap growth) hits both equally
          boolean firstLeads = (round + threads) % 2 == 0;
          UsersCaller lead = firstLeads ? first : second;
          UsersCaller trail = firstLeads ? second : first;
          LoadRunner.Result leadResult = measured(lead, threads, measure, pageSize);
          LoadRunner.Result trailResult = measured(trail, threads, measure, pageSize);
          firstResults.computeIfAbsent(threads, t -> new ArrayList<>()).add(firstLeads ? leadResult : trailResult);
          secondResults.computeIfAbsent(threads, t -> new ArrayList<>()).add(firstLeads ? trailResult : leadResult);
          LoadRunner.Result ra = firstResults.get(threads).get(round);
          LoadRunner.Result rb = secondResults.get(threads).get(round);
          System.out.printf(Locale.ROOT,
              "  round %d, %d thread(s): %s %,.0f req/s %,.0f B/call %,.0f us/call | %s %,.0f req/s %,.0f B/call %,.0f us/call%n",
              round + 1, threads, first.label(), ra.callsPerSecond(), ra.bytesPerCall(), ra.cpuMicrosPerCall(),
              second.label(), rb.callsPerSecond(), rb.bytesPerCall(), rb.cpuMicrosPerCall());
        }
      }
      Map<Integer, Double> bytesRatios = printTable(first, second, threadCounts, firstResults, secondResults);
      interleaved(first, second, threadCounts, interleavedRounds, measure, pageSize, bytesRatios);
      first.close();
      second.close();

      if (storm > 0) {
        for (String name : compare) {
          if (name.equals("sdk") || name.equals("typed")) {
            FirstCallStorm.run(server, storm);
            break;
          }
        }
      }
    }
  }

  private static LoadRunner.Result measured(UsersCaller caller, int threads, Duration duration, int pageSize)
      throws Exception {
    // start every run from a collected heap so one run's garbage is not collected during the next
    System.gc();
    return LoadRunner.run(caller, threads, duration, pageSize);
  }

  static UsersCaller create(String name, String baseUrl) throws Exception {
    switch (name.trim()) {
      case "raw":
        return new RawCaller(baseUrl, false);
      case "sdk":
        return new SdkCaller(baseUrl, false);
      case "typed":
        return new TypedCaller(baseUrl);
      case "raw-async":
        return new RawCaller(baseUrl, true);
      case "sdk-direct":
        return new SdkCaller(baseUrl, true);
      default:
        throw new IllegalArgumentException("unknown client (raw, sdk, typed, raw-async, sdk-direct): " + name);
    }
  }

  private static void printHeader(int rounds, Duration measure, Duration warmup, UsersCaller first, UsersCaller second,
      int pageSize) {
    String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
    System.out.printf(Locale.ROOT, "GET /api/users?page=1&page_size=%d -> %d records (%,d-byte JSON body), %s vs %s%n",
        pageSize, pageSize, UserPage.json(new com.fasterxml.jackson.databind.ObjectMapper(), pageSize).length,
        first.label(), second.label());
    System.out.printf(Locale.ROOT, "plain-main harness; server in a child JVM (TCP_NODELAY); Java %s, %d CPUs, GC %s, max heap %d MiB%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), gcs,
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(Locale.ROOT, "warm-up 2 x %.1f s per client and thread count; then %d rounds of %.1f s runs, order alternated%n",
        warmup.toMillis() / 1000.0, rounds, measure.toMillis() / 1000.0);
    System.out.println("bytes/call and CPU/call = allocation and CPU time of every thread of this JVM (callers and"
        + " HTTP client threads) / calls");
  }

  // the verdict: calls of both clients alternate on the same threads, so both meet the same machine
  private static void interleaved(UsersCaller first, UsersCaller second, int[] threadCounts, int rounds,
      Duration measure, int pageSize, Map<Integer, Double> bytesRatios) throws Exception {
    if (rounds < 1) {
      return;
    }
    String a = first.label();
    String b = second.label();
    System.out.println();
    System.out.printf(Locale.ROOT, "interleaved: every thread alternates one %s call and one %s call; %d rounds of %.1f s%n",
        a, b, rounds, measure.toMillis() / 1000.0);
    for (int threads : threadCounts) {
      double[] ratios = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        System.gc();
        ratios[round] = InterleavedRunner.run(first, second, threads, measure, pageSize).throughputRatio();
      }
      Arrays.sort(ratios);
      double ratio = median(ratios);
      double bytes = bytesRatios.get(threads);
      System.out.printf(Locale.ROOT,
          "%d thread(s): throughput %s/%s = %.3f (median of %d rounds, middle half %.3f..%.3f, range %.3f..%.3f);"
              + " bytes/call %s/%s = %.3f%s%n",
          threads, b, a, ratio, rounds, quantile(ratios, 0.25), quantile(ratios, 0.75), ratios[0],
          ratios[rounds - 1], a, b, 1 / bytes,
          ratio >= 0.95 && 1 / bytes >= 0.95 ? "  [target >= 0.95 met]" : "  [below the 0.95 target]");
    }
  }

  // prints the separate-runs table and returns the bytes/call ratio (second/first) per thread count
  private static Map<Integer, Double> printTable(UsersCaller first, UsersCaller second, int[] threadCounts,
      Map<Integer, List<LoadRunner.Result>> firstResults, Map<Integer, List<LoadRunner.Result>> secondResults) {
    Map<Integer, Double> bytesRatios = new LinkedHashMap<>();
    String a = first.label();
    String b = second.label();
    System.out.println();
    System.out.printf(Locale.ROOT, "%-7s | %-10s | %12s | %19s | %13s | %11s%n",
        "threads", "client", "req/s median", "req/s min..max", "B/call median", "CPU us/call");
    System.out.println("--------+------------+--------------+---------------------+---------------+------------");
    List<String> summary = new ArrayList<>();
    for (int threads : threadCounts) {
      List<LoadRunner.Result> ra = firstResults.get(threads);
      List<LoadRunner.Result> rb = secondResults.get(threads);
      row(threads, a, ra);
      row(threads, b, rb);
      double rps = median(rb, LoadRunner.Result::callsPerSecond) / median(ra, LoadRunner.Result::callsPerSecond);
      double[] paired = new double[ra.size()];
      for (int i = 0; i < ra.size(); i++) {
        paired[i] = rb.get(i).callsPerSecond() / ra.get(i).callsPerSecond();
      }
      Arrays.sort(paired);
      double pairedMedian = median(paired);
      double bytes = median(rb, LoadRunner.Result::bytesPerCall) / median(ra, LoadRunner.Result::bytesPerCall);
      bytesRatios.put(threads, bytes);
      double cpu = median(rb, LoadRunner.Result::cpuMicrosPerCall) / median(ra, LoadRunner.Result::cpuMicrosPerCall);
      summary.add(String.format(Locale.ROOT,
          "%d thread(s): throughput %s/%s = %.3f (median of per-round pairs %.3f, middle half %.3f..%.3f, range %.3f..%.3f)%n"
              + "             bytes/call %s/%s = %.3f (%s/%s = %.3f); CPU/call %s/%s = %.3f (%s/%s = %.3f)",
          threads, b, a, rps, pairedMedian, quantile(paired, 0.25), quantile(paired, 0.75), paired[0],
          paired[paired.length - 1],
          b, a, bytes, a, b, 1 / bytes, b, a, cpu, a, b, 1 / cpu));
    }
    System.out.println();
    System.out.println("separate runs (one client at a time, order alternated):");
    summary.forEach(System.out::println);
    return bytesRatios;
  }

  private static void row(int threads, String label, List<LoadRunner.Result> results) {
    double min = results.stream().mapToDouble(LoadRunner.Result::callsPerSecond).min().orElse(0);
    double max = results.stream().mapToDouble(LoadRunner.Result::callsPerSecond).max().orElse(0);
    System.out.printf(Locale.ROOT, "%7d | %-10s | %,12.0f | %,8.0f..%,-9.0f | %,13.0f | %,11.0f%n", threads, label,
        median(results, LoadRunner.Result::callsPerSecond), min, max,
        median(results, LoadRunner.Result::bytesPerCall), median(results, LoadRunner.Result::cpuMicrosPerCall));
  }

  private static double median(List<LoadRunner.Result> results, ToDoubleFunction<LoadRunner.Result> metric) {
    return median(results.stream().mapToDouble(metric).sorted().toArray());
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  // linear interpolation between the closest ranks
  private static double quantile(double[] sorted, double q) {
    double at = q * (sorted.length - 1);
    int below = (int) Math.floor(at);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
  }
}

package io.logto.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time the calling thread spends per call, two clients alternated call by call on one thread
 * (AB, BA, AB, ...) against the child-JVM server of {@link CallBenchmark}. The calling thread is where
 * the SDK does its own work (building and signing the request, the layers, decoding); the HTTP
 * client's threads do the same for both clients. Thread CPU time leaves out the time the thread waits
 * or is descheduled, so on a machine shared with builds the ratio of the per-call medians stays within
 * about 2 % of a {@code raw,raw} run, where wall-clock ratios move by 15 %.
 *
 * <p>Options: {@code --compare raw,sdk} (any two clients of {@link CallBenchmark}), {@code --calls 10000}
 * per client, {@code --warmup 4000} calls per client first, {@code --page-size 100}.
 */
public final class CallerCpuBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CallerCpuBenchmark() {}

  /**
   * Runs the comparison and prints the median and quartiles of each client's CPU per call.
   *
   * @param args the options above
   * @throws Exception if a call fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchArgs.parse(args);
    String[] compare = options.getOrDefault("compare", "raw,sdk").split(",");
    int calls = Integer.parseInt(options.getOrDefault("calls", "10000"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "4000"));
    int pageSize = Integer.parseInt(options.getOrDefault("page-size", "100"));
    if (compare.length != 2 || calls < 4) {
      throw new IllegalArgumentException("--compare needs two clients and --calls at least 4");
    }
    try (ServerProcess server = ServerProcess.start()) {
      UsersCaller first = CallBenchmark.create(compare[0], server.baseUrl());
      UsersCaller second = CallBenchmark.create(compare[1], server.baseUrl());
      for (int i = 0; i < warmup; i++) {
        first.listUsers(pageSize);
        second.listUsers(pageSize);
      }
      long[] firstCpu = new long[calls];
      long[] secondCpu = new long[calls];
      for (int i = 0; i < calls; i++) {
        // who goes first alternates, so neither always meets the other's leftovers in the caches
        boolean firstLeads = i % 2 == 0;
        long lead = cpuOf(firstLeads ? first : second, pageSize);
        long trail = cpuOf(firstLeads ? second : first, pageSize);
        firstCpu[i] = firstLeads ? lead : trail;
        secondCpu[i] = firstLeads ? trail : lead;
      }
      Arrays.sort(firstCpu);
      Arrays.sort(secondCpu);
      System.out.printf(Locale.ROOT, "caller-thread CPU per call, %s vs %s, %d calls each, page size %d, load %s%n",
          second.label(), first.label(), calls, pageSize, load());
      for (int quarter = 1; quarter <= 3; quarter++) {
        int at = calls * quarter / 4;
        System.out.printf(Locale.ROOT, "  %s: %s %.1f us, %s %.1f us, ratio %.3f%n",
            quarter == 2 ? "median" : "p" + 25 * quarter, second.label(), secondCpu[at] / 1e3, first.label(),
            firstCpu[at] / 1e3, (double) secondCpu[at] / firstCpu[at]);
      }
      first.close();
      second.close();
    }
  }

  private static long cpuOf(UsersCaller caller, int pageSize) throws Exception {
    long start = THREADS.getCurrentThreadCpuTime();
    caller.listUsers(pageSize);
    return THREADS.getCurrentThreadCpuTime() - start;
  }

  private static String load() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
  }
}

package io.logto.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the benchmark mains share: {@code --name value} options and medians. */
final class BenchArgs {
  private BenchArgs() {}

  /**
   * Reads {@code --name value} pairs.
   *
   * @param args the command line
   * @return the values by name, without the dashes
   * @throws IllegalArgumentException for anything that is not a pair
   */
  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  /**
   * Returns the median.
   *
   * @param values at least one value
   * @return the middle value, or the mean of the two middle ones
   */
  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}

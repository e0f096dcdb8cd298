package io.logto.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first call of a new JVM: the typed {@code users().list} against the hand-written call, each in
 * its own fresh JVM ({@link FirstCall}), alternated, timed from process start to the printed answer,
 * with the CPU time the child used until then (all its threads, and its main thread alone). Then
 * counts the classes each loads ({@code -Xlog:class+load}) by origin, and repeats the timing with an
 * AppCDS archive per mode ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}).
 *
 * {@code typed-service} makes the same typed call without the {@code LogtoManagement} facade;
 * {@code sdk} makes the path-level call decoding into the hand-written call's lean record, which
 * separates what the SDK's machinery costs from what the generated types cost.
 *
 * <p>On a shared machine the wall time of one child moves with whatever else runs; its CPU time
 * moves much less, so both are printed, as medians and as per-round ratios.
 *
 * <p>Options: {@code --rounds 10}, {@code --cds true}.
 */
public final class ColdStartBenchmark {
  private static String classPath = "";

  private ColdStartBenchmark() {}

  /**
   * Runs the comparison and prints medians and ratios.
   *
   * @param args the options above
   * @throws Exception if a child fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchArgs.parse(args);
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "10"));
    boolean cds = Boolean.parseBoolean(options.getOrDefault("cds", "true"));
    System.out.printf(Locale.ROOT, "cold first call: new JVM, client, token, one 100-user page; Java %s, load"
        + " average %.1f%n", System.getProperty("java.version"), loadAverage());
    classPath = jarredClassPath(Files.createTempDirectory("logto-cold-start"));
    try (ServerProcess server = ServerProcess.start()) {
      String base = server.baseUrl();
      for (String mode : List.of("raw", "sdk", "typed", "typed-service")) {
        classCounts(mode, base);
      }
      Map<String, List<String>> configs = new LinkedHashMap<>();
      configs.put("raw", List.of());
      configs.put("sdk", List.of());
      configs.put("typed", List.of());
      configs.put("typed-service", List.of());
      if (cds) {
        Path dir = Files.createTempDirectory("logto-cds");
        for (String mode : List.of("raw", "typed")) {
          Path archive = dir.resolve(mode + ".jsa");
          run(mode, base, List.of("-XX:ArchiveClassesAtExit=" + archive));
          // -Xshare:on fails instead of silently running without an archive it cannot map
          configs.put(mode + "+cds", List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive));
        }
      }
      compare(base, rounds, configs);
    }
  }

  // every round starts each configuration once, the order rotating; ratios are taken per round
  private static void compare(String base, int rounds, Map<String, List<String>> configs) throws Exception {
    List<String> names = new ArrayList<>(configs.keySet());
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    for (String name : names) {
      run(mode(name), base, configs.get(name)); // warms the file cache
    }
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get((i + round) % names.size());
        samples.computeIfAbsent(name, m -> new ArrayList<>()).add(run(mode(name), base, configs.get(name)));
      }
    }
    System.out.printf(Locale.ROOT, "load average after the runs %.1f%n", loadAverage());
    for (String name : names) {
      List<Sample> runs = samples.get(name);
      System.out.printf(Locale.ROOT, "%-14s first answer after %5.0f ms; CPU %5.0f ms (main thread %4.0f ms)"
          + " (medians of %d)%n", name, BenchArgs.median(values(runs, Sample::wallMillis)),
          BenchArgs.median(values(runs, Sample::cpuMillis)), BenchArgs.median(values(runs, Sample::mainCpuMillis)),
          rounds);
    }
    ratio("typed / raw", samples.get("typed"), samples.get("raw"), 1.05);
    ratio("sdk / raw", samples.get("sdk"), samples.get("raw"), 1.05);
    ratio("typed-service / raw", samples.get("typed-service"), samples.get("raw"), 1.05);
    if (configs.containsKey("typed+cds")) {
      ratio("typed+cds / raw", samples.get("typed+cds"), samples.get("raw"), 1.05);
      ratio("typed+cds / raw+cds", samples.get("typed+cds"), samples.get("raw+cds"), 1.05);
      ratio("typed+cds / typed", samples.get("typed+cds"), samples.get("typed"), 0);
    }
  }

  private static List<Double> values(List<Sample> runs, java.util.function.ToDoubleFunction<Sample> value) {
    List<Double> values = new ArrayList<>();
    for (Sample run : runs) {
      values.add(value.applyAsDouble(run));
    }
    return values;
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  // AppCDS archives classes from JAR files only (a non-empty directory on the class path disables
  // it), so every configuration runs from JARs of the build's class directories
  private static String jarredClassPath(Path dir) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (!Files.isDirectory(path)) {
        entries.add(entry);
        continue;
      }
      Path jar = dir.resolve(entries.size() + ".jar");
      try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
          java.util.stream.Stream<Path> files = Files.walk(path)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          out.putNextEntry(new java.util.jar.JarEntry(path.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
      entries.add(jar.toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static String mode(String config) {
    return config.replace("+cds", "");
  }

  // the median of per-round ratios for wall and CPU time, then each round's wall ratio
  private static void ratio(String label, List<Sample> a, List<Sample> b, double target) {
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    List<Double> mainCpu = new ArrayList<>();
    StringBuilder rounds = new StringBuilder();
    for (int i = 0; i < a.size(); i++) {
      wall.add(a.get(i).wallMillis() / b.get(i).wallMillis());
      cpu.add(a.get(i).cpuMillis() / b.get(i).cpuMillis());
      mainCpu.add(a.get(i).mainCpuMillis() / b.get(i).mainCpuMillis());
      rounds.append(String.format(Locale.ROOT, " %.2f/%.2f", wall.get(i), cpu.get(i)));
    }
    double ratio = BenchArgs.median(wall);
    double cpuRatio = BenchArgs.median(cpu);
    String verdict = target <= 0 ? ""
        : "  [wall " + (ratio <= target ? "meets" : "above") + " " + target + ", CPU "
            + (cpuRatio <= target ? "meets" : "above") + " " + target + "]";
    System.out.printf(Locale.ROOT, "%-20s wall %.3f  CPU %.3f  main-thread CPU %.3f (medians of per-round"
        + " ratios)%s%n%-20s per round wall/CPU:%s%n", label, ratio, cpuRatio, BenchArgs.median(mainCpu), verdict, "",
        rounds);
  }

  // counts the classes a first call loads, grouped by where they come from
  private static void classCounts(String mode, String base) throws Exception {
    Path log = Files.createTempFile("class-load-" + mode, ".log");
    run(mode, base, List.of("-Xlog:class+load=info:file=" + log, "-Dbench.noCpu=true"));
    Map<String, Integer> groups = new TreeMap<>();
    int total = 0;
    for (String line : Files.readAllLines(log)) {
      int at = line.indexOf("] ");
      int space = line.indexOf(' ', at + 2);
      if (at < 0 || space < 0) {
        continue;
      }
      String name = line.substring(at + 2, space);
      total++;
      groups.merge(group(name), 1, Integer::sum);
      if (name.contains("$$Lambda$")) {
        // a lambda's first run spins a hidden class; counted again under its owner's group
        groups.merge(group(name) + " lambdas", 1, Integer::sum);
      }
    }
    Files.delete(log);
    System.out.printf(Locale.ROOT, "%s: %d classes loaded before the answer %s%n", mode, total, groups);
  }

  private static String group(String className) {
    String[] prefixes = {"io.logto.management.model.", "io.logto.management.service.", "io.logto.management.core.",
        "io.logto.management.", "io.logto.benchmarks.", "com.fasterxml.jackson.", "org.slf4j.", "jdk.internal.net.http.",
        "java.net.http.", "sun.", "jdk.", "java."};
    for (String prefix : prefixes) {
      if (className.startsWith(prefix)) {
        return prefix.substring(0, prefix.length() - 1);
      }
    }
    return "other";
  }

  // starts a FirstCall JVM: the milliseconds until it printed its answer, and the CPU time it reports
  private static Sample run(String mode, String base, List<String> jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, FirstCall.class.getName(), mode, base));
    long t0 = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String answer = out.readLine();
      double ms = (System.nanoTime() - t0) / 1e6;
      if (answer == null || !answer.equals("DONE 100")) {
        throw new IllegalStateException(mode + " first call answered: " + answer);
      }
      String cpu = out.readLine();
      process.waitFor();
      if (cpu == null) {
        return new Sample(ms, Double.NaN, Double.NaN); // told not to measure (-Dbench.noCpu)
      }
      String[] nanos = cpu.split(" ");
      return new Sample(ms, Long.parseLong(nanos[1]) / 1e6, Long.parseLong(nanos[2]) / 1e6);
    }
  }

  /** One first call: wall time to the answer, and the CPU time of the whole child and of its main thread. */
  private record Sample(double wallMillis, double cpuMillis, double mainCpuMillis) {}
}

package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SLF4J starts once per JVM, so each case runs {@link LoggingStartProbe} in a JVM of its own, with a
 * provider that takes 300 ms to start. A logger asked for while SLF4J starts on another thread must be
 * the provider's own, not the stand-in SLF4J hands out during its start.
 */
final class LoggingStartTest {
  private static final String STAND_IN = "org.slf4j.helpers.SubstituteLogger";
  private static final String CAPTURING = "logger io.logto.management.core.CapturedLogs$CapturingLogger";

  @Test
  void loggerAskedForWhileAnotherThreadStartsLoggingWaitsForTheRealOne() throws Exception {
    List<String> out = probe("early");

    assertThat(out).containsExactly(CAPTURING, "started on early-start");
  }

  @Test
  void buildingAClientStartsLoggingOnItsHttpThreadAndItsLoggersAreReal() throws Exception {
    List<String> out = probe("client");

    assertThat(out).containsExactly(CAPTURING, "started on logto-http-1");
    assertThat(String.join("\n", out)).doesNotContain(STAND_IN);
  }

  private static List<String> probe(String mode) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dslf4j.provider=" + SlowStartingLogs.class.getName(), "-cp", System.getProperty("java.class.path"),
        LoggingStartProbe.class.getName(), mode).redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("probe finished").isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out).isZero();
    // SLF4J reports the provider it was told to use on stderr; only the probe's lines matter
    return out.lines().filter(line -> line.startsWith("logger ") || line.startsWith("started on ")).toList();
  }
}

package io.logto.management.core;

import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.internal.log.Logging;
import org.slf4j.Logger;

/**
 * Run in a JVM of its own by {@link LoggingStartTest}, with {@link SlowStartingLogs} as the SLF4J
 * provider: {@code early} starts SLF4J on another thread and asks for a logger while it starts;
 * {@code client} builds a client. Prints the logger's class and the threads that started SLF4J.
 */
public final class LoggingStartProbe {
  private LoggingStartProbe() {}

  /**
   * Runs one case.
   *
   * @param args {@code early} or {@code client}
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    Logger logger;
    if (args[0].equals("early")) {
      Logging.startEarly(task -> new Thread(task, "early-start").start());
      Thread.sleep(50); // the start has begun on early-start and holds for 300 ms
      logger = Logging.logger("probe");
    } else {
      LogtoClient client = LogtoClient.builder().baseUrl("http://127.0.0.1:9").clientId("id").clientSecret("secret")
          .build();
      logger = Logging.logger("probe");
      client.close();
    }
    System.out.println("logger " + logger.getClass().getName());
    System.out.println("started on " + String.join(",", SlowStartingLogs.STARTED_ON));
  }
}

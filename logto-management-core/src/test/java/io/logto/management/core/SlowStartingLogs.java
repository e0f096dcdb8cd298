package io.logto.management.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link CapturedLogs} that takes 300 ms to start and records the threads that started it; chosen
 * with {@code -Dslf4j.provider} in the JVMs {@link LoggingStartTest} starts.
 */
public final class SlowStartingLogs extends CapturedLogs {
  static final List<String> STARTED_ON = new CopyOnWriteArrayList<>();

  /** Creates the provider; SLF4J does, by its class name. */
  public SlowStartingLogs() {}

  @Override
  public void initialize() {
    STARTED_ON.add(Thread.currentThread().getName());
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

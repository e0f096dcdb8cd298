package io.logto.management.core.internal.log;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the SDK's classes get their loggers. The first logger of a JVM starts SLF4J: it finds the
 * logging backend and configures it, about 20 ms of CPU on a cold JVM with the simplest backend and more
 * with a configured one. A client that builds its own HTTP client starts that work on the HTTP
 * client's executor first ({@link #startEarly}), so it runs while the HTTP client (TLS included) is
 * built instead of after; a logger asked for meanwhile waits for it to finish, because SLF4J hands a
 * logger asked for during its start a stand-in that records events and replays them later. Whichever
 * comes first starts SLF4J, once per JVM; a logger asked for without any early start behaves exactly as
 * {@link LoggerFactory#getLogger(String)}.
 */
public final class Logging {
  private static final FutureTask<ILoggerFactory> START = new FutureTask<>(LoggerFactory::getILoggerFactory);

  private Logging() {}

  /**
   * Starts SLF4J on {@code executor} unless it has been started already.
   *
   * @param executor runs the start; its threads inherit the caller's context class loader
   */
  public static void startEarly(Executor executor) {
    if (!START.isDone()) {
      executor.execute(START); // a second run of the task does nothing
    }
  }

  /**
   * Returns the named logger, once SLF4J has started.
   *
   * @param name the logger's name
   * @return the logger
   */
  public static Logger logger(String name) {
    START.run(); // does nothing when it runs or ran elsewhere
    try {
      START.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // getLogger below meets the same failure, as it would have without an early start
    }
    return LoggerFactory.getLogger(name);
  }

  /**
   * Returns the logger named after a class, once SLF4J has started.
   *
   * @param type the class
   * @return the logger
   */
  public static Logger logger(Class<?> type) {
    return logger(type.getName());
  }
}

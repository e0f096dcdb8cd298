package io.logto.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives one caller from N threads for a fixed time and measures calls per second, and the bytes and
 * CPU time the whole JVM spent per call (the caller threads plus the HTTP client's own selector and
 * executor threads, which do part of the work of every call). CPU time per call stays meaningful when
 * other processes load the machine and wall-clock throughput gets noisy.
 */
final class LoadRunner {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static {
    THREADS.setThreadAllocatedMemoryEnabled(true);
    THREADS.setThreadCpuTimeEnabled(true);
  }

  /**
   * What one run measured.
   *
   * @param calls completed calls
   * @param callsPerSecond throughput over the run
   * @param bytesPerCall bytes allocated by all threads, divided by the calls
   * @param cpuMicrosPerCall CPU time of all threads in microseconds, divided by the calls
   */
  record Result(long calls, double callsPerSecond, double bytesPerCall, double cpuMicrosPerCall) {}

  private LoadRunner() {}

  /**
   * Runs {@code caller} from {@code threads} threads for {@code duration}.
   *
   * @param caller the client under test
   * @param threads how many threads call concurrently
   * @param duration how long they call
   * @param pageSize the page size each call asks for
   * @return the measurement
   * @throws Exception the first failure of any call, which aborts the run
   */
  static Result run(UsersCaller caller, int threads, Duration duration, int pageSize) throws Exception {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(threads);
    // workers stay alive until the final allocation snapshot, so their counters can still be read
    CountDownLatch exit = new CountDownLatch(1);
    long[] counts = new long[threads * 8]; // padded: one cache line per worker
    AtomicReference<Exception> failure = new AtomicReference<>();
    long[] deadline = new long[1];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int slot = t * 8;
      workers[t] = new Thread(() -> {
        ready.countDown();
        try {
          start.await();
          long end = deadline[0];
          long n = 0;
          while (System.nanoTime() < end && failure.get() == null) {
            List<?> users = caller.listUsers(pageSize);
            if (users.size() != pageSize) {
              throw new IllegalStateException("expected " + pageSize + " users, got " + users.size());
            }
            n++;
          }
          counts[slot] = n;
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
        try {
          exit.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "bench-" + caller.label() + "-" + t);
      workers[t].start();
    }
    ready.await();
    Map<Long, long[]> before = snapshot();
    long t0 = System.nanoTime();
    deadline[0] = t0 + duration.toNanos();
    start.countDown(); // the latch publishes deadline[0] to the workers
    done.await();
    long t1 = System.nanoTime();
    Map<Long, long[]> after = snapshot();
    exit.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    long calls = 0;
    for (int t = 0; t < threads; t++) {
      calls += counts[t * 8];
    }
    long bytes = 0;
    long cpuNanos = 0;
    long[] zero = {0, 0};
    for (Map.Entry<Long, long[]> entry : after.entrySet()) {
      long[] initial = before.getOrDefault(entry.getKey(), zero);
      bytes += entry.getValue()[0] - initial[0];
      cpuNanos += entry.getValue()[1] - initial[1];
    }
    double seconds = (t1 - t0) / 1e9;
    double perCall = Math.max(calls, 1);
    return new Result(calls, calls / seconds, bytes / perCall, cpuNanos / 1e3 / perCall);
  }

  /** Allocated bytes and CPU nanoseconds of every live thread, by thread id. */
  private static Map<Long, long[]> snapshot() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    long[] cpu = THREADS.getThreadCpuTime(ids);
    Map<Long, long[]> byThread = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0 && cpu[i] >= 0) {
        byThread.put(ids[i], new long[] {bytes[i], cpu[i]});
      }
    }
    return byThread;
  }
}

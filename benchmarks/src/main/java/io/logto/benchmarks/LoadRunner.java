package io.logto.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives one caller from N threads for a fixed time and measures calls per second and the bytes the
 * whole JVM allocated per call (the caller threads plus the HTTP client's own selector and executor
 * threads, which do part of the work of every call).
 */
final class LoadRunner {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static {
    THREADS.setThreadAllocatedMemoryEnabled(true);
  }

  /**
   * What one run measured.
   *
   * @param calls completed calls
   * @param callsPerSecond throughput over the run
   * @param bytesPerCall bytes allocated by all threads, divided by the calls
   */
  record Result(long calls, double callsPerSecond, double bytesPerCall) {}

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
            List<BenchUser> users = caller.listUsers(pageSize);
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
    Map<Long, Long> before = allocatedBytes();
    long t0 = System.nanoTime();
    deadline[0] = t0 + duration.toNanos();
    start.countDown(); // the latch publishes deadline[0] to the workers
    done.await();
    long t1 = System.nanoTime();
    Map<Long, Long> after = allocatedBytes();
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
    for (Map.Entry<Long, Long> entry : after.entrySet()) {
      bytes += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
    }
    double seconds = (t1 - t0) / 1e9;
    return new Result(calls, calls / seconds, calls == 0 ? 0 : (double) bytes / calls);
  }

  private static Map<Long, Long> allocatedBytes() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        byThread.put(ids[i], bytes[i]);
      }
    }
    return byThread;
  }
}

package io.logto.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives two callers from the same N threads, each thread alternating one call of each (in the order
 * AB, BA, AB, ...), and times every call. Both clients then see the same moment of the machine: a
 * burst of other load or a GC pause falls on both within a millisecond, where separate runs of a
 * second or more each catch different bursts. On a shared 2-core machine that leaves the ratio of the
 * two clients' throughput steady to about a per cent, against several per cent for separate runs.
 * Per-call timing costs two {@code System.nanoTime()} reads, the same for both.
 */
final class InterleavedRunner {
  /**
   * What one interleaved run measured: for each client its calls and the time its calls took, summed
   * over the threads.
   *
   * @param firstCalls calls made with the first client
   * @param firstNanos wall time inside the first client's calls
   * @param secondCalls calls made with the second client
   * @param secondNanos wall time inside the second client's calls
   */
  record Result(long firstCalls, long firstNanos, long secondCalls, long secondNanos) {
    /**
     * Returns the second client's throughput over the first's: calls per second of time spent calling.
     *
     * @return the ratio
     */
    double throughputRatio() {
      return ((double) secondCalls / secondNanos) / ((double) firstCalls / firstNanos);
    }
  }

  private InterleavedRunner() {}

  /**
   * Runs both callers, interleaved, from {@code threads} threads for {@code duration}.
   *
   * @param first the baseline client
   * @param second the client compared with it
   * @param threads how many threads call concurrently
   * @param duration how long they call
   * @param pageSize the page size each call asks for
   * @return the measurement
   * @throws Exception the first failure of any call, which aborts the run
   */
  static Result run(UsersCaller first, UsersCaller second, int threads, Duration duration, int pageSize)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(threads);
    long[][] perThread = new long[threads][4];
    AtomicReference<Exception> failure = new AtomicReference<>();
    long[] deadline = new long[1];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      long[] mine = perThread[t];
      boolean firstLeads = t % 2 == 0;
      workers[t] = new Thread(() -> {
        try {
          start.await();
          long end = deadline[0];
          boolean lead = firstLeads;
          while (System.nanoTime() < end && failure.get() == null) {
            timedCall(lead ? first : second, pageSize, mine, lead ? 0 : 2);
            timedCall(lead ? second : first, pageSize, mine, lead ? 2 : 0);
            lead = !lead;
          }
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }, "bench-interleaved-" + t);
      workers[t].start();
    }
    deadline[0] = System.nanoTime() + duration.toNanos();
    start.countDown(); // the latch publishes deadline[0] to the workers
    done.await();
    for (Thread worker : workers) {
      worker.join();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    long[] sum = new long[4];
    for (long[] mine : perThread) {
      for (int i = 0; i < 4; i++) {
        sum[i] += mine[i];
      }
    }
    return new Result(sum[0], sum[1], sum[2], sum[3]);
  }

  // slot: calls at [slot], nanoseconds at [slot + 1]
  private static void timedCall(UsersCaller caller, int pageSize, long[] into, int slot) throws Exception {
    long t0 = System.nanoTime();
    List<?> users = caller.listUsers(pageSize);
    long t1 = System.nanoTime();
    if (users.size() != pageSize) {
      throw new IllegalStateException(caller.label() + ": expected " + pageSize + " users, got " + users.size());
    }
    into[slot]++;
    into[slot + 1] += t1 - t0;
  }
}

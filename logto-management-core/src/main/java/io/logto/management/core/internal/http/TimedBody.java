package io.logto.management.core.internal.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the body as bytes, failing when it has not fully arrived within a timeout after the headers.
 * The JDK client's request timeout stops once the headers arrive, so a stalled body would otherwise
 * block forever.
 *
 * <p>One shared watchdog checks the bodies in flight every {@value #TICK_MILLIS} ms while there are
 * any, instead of a timer per body: scheduling and cancelling a timer on every call woke the timer
 * thread on every call. A timeout therefore fires up to one tick late; nothing runs while no body is
 * in flight.
 */
final class TimedBody implements HttpResponse.BodySubscriber<byte[]> {
  static final long TICK_MILLIS = 25;

  private static final Set<Watch> IN_FLIGHT = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean TICKING = new AtomicBoolean();
  private static final Executor TICK = CompletableFuture.delayedExecutor(TICK_MILLIS, TimeUnit.MILLISECONDS);

  private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  private TimedBody(Duration timeout) {
    bytes.getBody().whenComplete((value, failure) -> {
      if (failure != null) {
        body.completeExceptionally(failure);
      } else {
        body.complete(value);
      }
    });
    body.whenComplete((value, failure) -> {
      Flow.Subscription current = subscription;
      if (failure != null && current != null) {
        current.cancel();
      }
    });
    watch(body, timeout);
  }

  /**
   * Returns a handler whose body fails with a {@link TimeoutException} when not complete in time, and
   * whose cancelling on timeout closes the connection. The JDK runs the completion of such a body
   * (not one of its own) on its executor, a thread hand-off per call.
   *
   * @param timeout the body timeout; empty for none
   * @return the handler
   */
  static HttpResponse.BodyHandler<byte[]> handler(Optional<Duration> timeout) {
    return timeout.<HttpResponse.BodyHandler<byte[]>>map(value -> info -> new TimedBody(value))
        .orElseGet(HttpResponse.BodyHandlers::ofByteArray);
  }

  /**
   * Returns a handler using the JDK's own byte-array body, which the JDK completes on the thread that
   * read the last byte, with no hand-off; a timeout fails its result. The connection is then not
   * closed at once: the JDK keeps reading the late body and pools the connection when it ends, or
   * drops it when the server closes. For the blocking API, where that hand-off is a measurable share
   * of every call.
   *
   * @param timeout the body timeout; empty for none
   * @return the handler
   */
  static HttpResponse.BodyHandler<byte[]> inlineHandler(Optional<Duration> timeout) {
    return timeout.<HttpResponse.BodyHandler<byte[]>>map(value -> info -> {
      HttpResponse.BodySubscriber<byte[]> subscriber = HttpResponse.BodySubscribers.ofByteArray();
      watch(subscriber.getBody().toCompletableFuture(), value);
      return subscriber;
    }).orElseGet(HttpResponse.BodyHandlers::ofByteArray);
  }

  private static void watch(CompletableFuture<?> future, Duration timeout) {
    Watch watch = new Watch(future, System.nanoTime() + timeout.toNanos());
    future.whenComplete((value, failure) -> IN_FLIGHT.remove(watch));
    if (!future.isDone()) {
      IN_FLIGHT.add(watch);
      // completion may have raced with the add: never leave a finished body registered
      if (future.isDone()) {
        IN_FLIGHT.remove(watch);
      } else {
        startTicking();
      }
    }
  }

  private static void startTicking() {
    if (TICKING.compareAndSet(false, true)) {
      TICK.execute(TimedBody::tick);
    }
  }

  private static void tick() {
    long now = System.nanoTime();
    for (Watch watch : IN_FLIGHT) {
      if (now - watch.deadline >= 0) {
        watch.future.completeExceptionally(new TimeoutException("body not complete in time"));
      }
    }
    TICKING.set(false);
    // a body registered while this tick finished must still be watched
    if (!IN_FLIGHT.isEmpty()) {
      startTicking();
    }
  }

  // identity, not value, equality: two bodies may share a deadline
  private static final class Watch {
    final CompletableFuture<?> future;
    final long deadline;

    Watch(CompletableFuture<?> future, long deadline) {
      this.future = future;
      this.deadline = deadline;
    }
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    bytes.onSubscribe(subscription);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    bytes.onNext(item);
  }

  @Override
  public void onError(Throwable throwable) {
    bytes.onError(throwable);
  }

  @Override
  public void onComplete() {
    bytes.onComplete();
  }
}

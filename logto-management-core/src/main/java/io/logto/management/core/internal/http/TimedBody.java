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

  private static final Set<TimedBody> IN_FLIGHT = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean TICKING = new AtomicBoolean();
  private static final Executor TICK = CompletableFuture.delayedExecutor(TICK_MILLIS, TimeUnit.MILLISECONDS);

  private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final long deadline;
  private volatile Flow.Subscription subscription;

  private TimedBody(Duration timeout) {
    this.deadline = System.nanoTime() + timeout.toNanos();
    bytes.getBody().whenComplete((value, failure) -> {
      if (failure != null) {
        body.completeExceptionally(failure);
      } else {
        body.complete(value);
      }
    });
    body.whenComplete((value, failure) -> {
      IN_FLIGHT.remove(this);
      Flow.Subscription current = subscription;
      if (failure != null && current != null) {
        current.cancel();
      }
    });
    if (!body.isDone()) {
      IN_FLIGHT.add(this);
      // completion may have raced with the add: never leave a finished body registered
      if (body.isDone()) {
        IN_FLIGHT.remove(this);
      } else {
        startTicking();
      }
    }
  }

  static HttpResponse.BodyHandler<byte[]> handler(Optional<Duration> timeout) {
    return timeout.<HttpResponse.BodyHandler<byte[]>>map(value -> info -> new TimedBody(value))
        .orElseGet(HttpResponse.BodyHandlers::ofByteArray);
  }

  private static void startTicking() {
    if (TICKING.compareAndSet(false, true)) {
      TICK.execute(TimedBody::tick);
    }
  }

  private static void tick() {
    long now = System.nanoTime();
    for (TimedBody timed : IN_FLIGHT) {
      if (now - timed.deadline >= 0) {
        timed.body.completeExceptionally(new TimeoutException("body not complete in time"));
      }
    }
    TICKING.set(false);
    // a body registered while this tick finished must still be watched
    if (!IN_FLIGHT.isEmpty()) {
      startTicking();
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

package io.logto.management.core.internal.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads the body as bytes, failing when it is larger than the client's size limit (checked against
 * {@code Content-Length} before reading, and counted as it arrives when there is none) or has not
 * fully arrived by the attempt's deadline (the moment it was sent plus the request timeout). The JDK client's request timeout stops once the headers
 * arrive, so a stalled body would otherwise block forever; counting from the send, not from the
 * headers, keeps the whole attempt within the timeout instead of up to twice it.
 *
 * <p>One shared watchdog serves all bodies in flight. It wakes only when the earliest deadline among
 * them is due, not on a fixed period: with a 10 s timeout and answers in milliseconds it wakes about
 * every 10 s, finds nothing late, and sleeps until the next deadline. (A 25 ms period cost a thread
 * wake-up 40 times a second, about 1 % of the CPU of a benchmark call.) Registering a body is a set
 * insertion and, only when its deadline is earlier than the next wake-up, one scheduling.
 */
public final class TimedBody implements HttpResponse.BodySubscriber<byte[]> {
  /** The deadline of an attempt without a timeout. */
  public static final long NONE = Long.MAX_VALUE;
  private static final Set<Watch> IN_FLIGHT = ConcurrentHashMap.newKeySet();
  // System.nanoTime() of the earliest wake-up scheduled and not yet run; NONE when there is none
  private static final AtomicLong NEXT_WAKE = new AtomicLong(NONE);

  private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final int status;
  private final long limit;
  // onNext calls never overlap (reactive streams rule 1.3)
  private long received;
  private volatile Flow.@Nullable Subscription subscription;

  private TimedBody(int status, long limit, long deadline) {
    this.status = status;
    this.limit = limit;
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
    if (deadline != NONE) {
      watch(body, deadline);
    }
  }

  /**
   * Returns a handler whose body fails with a {@link TimeoutException} when not complete in time, and
   * whose cancelling on timeout closes the connection. The JDK runs the completion of such a body
   * (not one of its own) on its executor, a thread hand-off per call.
   *
   * @param method the request's method: a {@code HEAD} answer declares a length but has no body
   * @param deadline {@link System#nanoTime()} by which the whole answer must have arrived; {@link #NONE}
   *     for none
   * @param limit the most bytes a body may have
   * @return the handler
   */
  public static HttpResponse.BodyHandler<byte[]> handler(String method, long deadline, long limit) {
    return info -> {
      if (declaresTooMuch(method, info, limit)) {
        return refused(info.statusCode(), limit);
      }
      if (deadline != NONE) {
        return new TimedBody(info.statusCode(), limit, deadline);
      }
      return declaresLength(info) ? HttpResponse.BodySubscribers.ofByteArray()
          : new TimedBody(info.statusCode(), limit, NONE);
    };
  }

  /**
   * Returns a handler using the JDK's own byte-array body, which the JDK completes on the thread that
   * read the last byte, with no hand-off; a timeout fails its result. The connection is then not
   * closed at once: the JDK keeps reading the late body and pools the connection when it ends, or
   * drops it when the server closes. For the blocking API, where that hand-off is a measurable share
   * of every call.
   *
   * A body without {@code Content-Length} (chunked) cannot be checked up front: it is counted as it
   * arrives by this class, at the cost of that hand-off.
   *
   * @param method the request's method: a {@code HEAD} answer declares a length but has no body
   * @param deadline {@link System#nanoTime()} by which the whole answer must have arrived; {@link #NONE}
   *     for none
   * @param limit the most bytes a body may have
   * @return the handler
   */
  public static HttpResponse.BodyHandler<byte[]> inlineHandler(String method, long deadline, long limit) {
    return info -> {
      if (declaresTooMuch(method, info, limit)) {
        return refused(info.statusCode(), limit);
      }
      if (!declaresLength(info)) {
        return new TimedBody(info.statusCode(), limit, deadline);
      }
      HttpResponse.BodySubscriber<byte[]> subscriber = HttpResponse.BodySubscribers.ofByteArray();
      if (deadline != NONE) {
        watch(subscriber.getBody().toCompletableFuture(), deadline);
      }
      return subscriber;
    };
  }

  // the JDK enforces a declared length: such a body can never grow past it
  private static boolean declaresLength(HttpResponse.ResponseInfo info) {
    return info.headers().firstValueAsLong("Content-Length").isPresent();
  }

  private static boolean declaresTooMuch(String method, HttpResponse.ResponseInfo info, long limit) {
    return !method.equals("HEAD") && info.headers().firstValueAsLong("Content-Length").orElse(0) > limit;
  }

  // reads nothing: cancelling the subscription closes the connection
  private static HttpResponse.BodySubscriber<byte[]> refused(int status, long limit) {
    CompletableFuture<byte[]> failed = CompletableFuture.failedFuture(new BodyTooLargeException(status, limit));
    return new HttpResponse.BodySubscriber<>() {
      @Override
      public CompletionStage<byte[]> getBody() {
        return failed;
      }

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.cancel();
      }

      @Override
      public void onNext(List<ByteBuffer> item) {}

      @Override
      public void onError(Throwable throwable) {}

      @Override
      public void onComplete() {}
    };
  }

  private static void watch(CompletableFuture<?> future, long deadline) {
    Watch watch = new Watch(future, deadline);
    future.whenComplete((value, failure) -> IN_FLIGHT.remove(watch));
    if (!future.isDone()) {
      IN_FLIGHT.add(watch);
      // completion may have raced with the add: never leave a finished body registered
      if (future.isDone()) {
        IN_FLIGHT.remove(watch);
      } else {
        wakeBy(watch.deadline);
      }
    }
  }

  // makes sure the watchdog runs no later than the deadline; an extra, earlier wake-up does no harm
  private static void wakeBy(long deadline) {
    while (true) {
      long next = NEXT_WAKE.get();
      if (next != NONE && next - deadline <= 0) {
        return;
      }
      if (NEXT_WAKE.compareAndSet(next, deadline)) {
        long delay = Math.max(0, deadline - System.nanoTime());
        CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS).execute(() -> wake(deadline));
        return;
      }
    }
  }

  private static void wake(long scheduledFor) {
    // this wake-up is no longer pending; a body registered from now on schedules its own
    NEXT_WAKE.compareAndSet(scheduledFor, NONE);
    long now = System.nanoTime();
    long earliest = NONE;
    for (Watch watch : IN_FLIGHT) {
      if (now - watch.deadline >= 0) {
        watch.future.completeExceptionally(new TimeoutException("body not complete in time"));
      } else if (earliest == NONE || watch.deadline - earliest < 0) {
        earliest = watch.deadline;
      }
    }
    if (earliest != NONE) {
      wakeBy(earliest);
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
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer buffer : item) {
      received += buffer.remaining();
    }
    if (received > limit) {
      body.completeExceptionally(new BodyTooLargeException(status, limit));
      return;
    }
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

package io.logto.management.core.internal.paging;

import static java.util.Objects.requireNonNull;

import io.logto.management.core.Page;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Publishes the items of a fresh {@link AheadPages} walk per subscriber. No thread waits: a page that
 * has not arrived yet resumes delivery from its completion. Signals are serialised by a work counter
 * (whoever raises it from zero delivers, others only record that there is more to do).
 *
 * @param <T> the item type
 */
final class ItemPublisher<T> implements Flow.Publisher<T> {
  private final Supplier<AheadPages<T>> walks;

  ItemPublisher(Supplier<AheadPages<T>> walks) {
    this.walks = walks;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    requireNonNull(subscriber, "subscriber == null");
    Delivery<T> delivery = new Delivery<>(walks.get(), subscriber);
    subscriber.onSubscribe(delivery);
  }

  private static final class Delivery<T> implements Flow.Subscription {
    private final AheadPages<T> pages;
    private final Flow.Subscriber<? super T> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger work = new AtomicInteger();
    private volatile boolean done;
    private volatile @Nullable Throwable badRequest;
    // touched only by the thread holding the work counter
    private Iterator<T> items = Collections.emptyIterator();
    private @Nullable CompletableFuture<Page<T>> awaited;

    Delivery(AheadPages<T> pages, Flow.Subscriber<? super T> subscriber) {
      this.pages = pages;
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        badRequest = new IllegalArgumentException("request must be positive (reactive streams 3.9): " + n);
      } else {
        demand.getAndAccumulate(n, (current, added) -> current + added < 0 ? Long.MAX_VALUE : current + added);
      }
      drain();
    }

    @Override
    public void cancel() {
      done = true;
      pages.close();
    }

    private void drain() {
      if (work.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      do {
        deliver();
        missed = work.addAndGet(-missed);
      } while (missed != 0);
    }

    // delivers what demand and the arrived pages allow; returns when waiting for either
    private void deliver() {
      while (!done) {
        Throwable bad = badRequest;
        if (bad != null) {
          fail(bad);
          return;
        }
        if (items.hasNext()) {
          if (demand.get() == 0) {
            return;
          }
          demand.decrementAndGet();
          T item = items.next();
          try {
            subscriber.onNext(item);
          } catch (RuntimeException e) {
            cancel(); // a subscriber that throws is treated as cancelled (reactive streams 2.13)
          }
          continue;
        }
        if (demand.get() == 0) {
          return; // the next page is fetched when it is wanted
        }
        CompletableFuture<Page<T>> head = pages.head();
        if (head == null) {
          done = true;
          subscriber.onComplete();
          return;
        }
        if (!head.isDone()) {
          if (awaited != head) {
            awaited = head;
            head.whenComplete((page, failure) -> drain());
          }
          return;
        }
        try {
          items = pages.take().items().iterator();
        } catch (RuntimeException e) {
          fail(e);
          return;
        }
      }
    }

    private void fail(Throwable failure) {
      cancel();
      subscriber.onError(failure);
    }
  }
}

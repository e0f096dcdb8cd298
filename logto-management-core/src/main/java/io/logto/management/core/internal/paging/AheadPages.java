package io.logto.management.core.internal.paging;

import io.logto.management.core.ApiRequest;
import io.logto.management.core.CloseableIterator;
import io.logto.management.core.Page;
import io.logto.management.core.RawResponse;
import io.logto.management.core.internal.chain.Blocking;
import io.logto.management.core.internal.http.Futures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A walk that requests pages ahead of the consumer with asynchronous sends. It keeps a window of
 * requested, not yet consumed pages in page order: at most {@code ahead} of them, at most
 * {@code concurrency} in flight. A page is requested only once it is known to exist: the start page;
 * any page up to the one the first page's uncapped {@code Total-Number} ends at (parallel requests);
 * and the page after one that said a next page follows (one at a time). Requests stop at a page without
 * a next one, at a failed page and on {@link #close()}, which cancels everything in flight.
 *
 * <p>The consumer side ({@link #head()}, {@link #take()}, the iterator methods) belongs to one thread
 * at a time; completions arrive on the HTTP client's threads. State is guarded by {@code this}; sends
 * and cancellations run outside the lock, since a future may complete on the calling thread.
 *
 * @param <T> the item type
 */
final class AheadPages<T> implements CloseableIterator<Page<T>> {
  private final PageReader<T> reader;
  private final Function<ApiRequest, CompletableFuture<RawResponse>> sendAsync;
  private final int ahead;
  private final int concurrency;
  private final ArrayDeque<CompletableFuture<Page<T>>> window = new ArrayDeque<>();
  private final List<CompletableFuture<?>> inFlight = new ArrayList<>();
  private int nextPage;
  // the highest page known to exist, so requestable
  private int existsThrough;
  private boolean exhausted; // a page without a next one, or a failed page, was received
  private boolean closed;

  AheadPages(PageReader<T> reader, Function<ApiRequest, CompletableFuture<RawResponse>> sendAsync, int startPage,
      int ahead, int concurrency) {
    this.reader = reader;
    this.sendAsync = sendAsync;
    this.ahead = ahead;
    this.concurrency = concurrency;
    this.nextPage = startPage;
    this.existsThrough = startPage;
  }

  /**
   * Returns the future of the next page to consume, requesting pages as the limits allow.
   *
   * @return the next page's future, or null when the walk is over
   */
  @Nullable CompletableFuture<Page<T>> head() {
    pump();
    synchronized (this) {
      return closed ? null : window.peekFirst();
    }
  }

  /**
   * Removes the next page, which must have completed; a page without a next one ends the walk.
   *
   * @return the page
   * @throws io.logto.management.core.LogtoException the page's failure, which also ends the walk
   */
  Page<T> take() {
    CompletableFuture<Page<T>> first;
    synchronized (this) {
      first = window.pollFirst();
    }
    if (first == null) {
      throw new NoSuchElementException();
    }
    Page<T> page;
    try {
      page = Blocking.await(first, reader::describe);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    if (page.hasNext()) {
      pump(); // the window has room again while the caller works on this page
    } else {
      close(); // pages requested past the end (items deleted meanwhile) are dropped
    }
    return page;
  }

  @Override
  public boolean hasNext() {
    return head() != null;
  }

  @Override
  public Page<T> next() {
    if (head() == null) {
      throw new NoSuchElementException();
    }
    return take();
  }

  @Override
  public void close() {
    List<CompletableFuture<?>> cancelled;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      cancelled = new ArrayList<>(window);
      cancelled.addAll(inFlight);
      window.clear();
      inFlight.clear();
    }
    cancelled.forEach(future -> future.cancel(true));
  }

  /** Sends every request the limits allow now. */
  private void pump() {
    List<Slot<T>> toSend = new ArrayList<>();
    synchronized (this) {
      while (!closed && !exhausted && window.size() < ahead && inFlight.size() < concurrency
          && nextPage <= existsThrough) {
        Slot<T> slot = new Slot<>(nextPage++);
        window.addLast(slot.page);
        toSend.add(slot);
        inFlight.add(slot.page);
      }
    }
    toSend.forEach(this::send);
  }

  private void send(Slot<T> slot) {
    ApiRequest request = reader.request(slot.number);
    CompletableFuture<RawResponse> call;
    try {
      call = sendAsync.apply(request);
    } catch (RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<RawResponse> exchange = call;
    // cancelling the page (close, an interrupted wait) aborts the exchange, even one cancelled before this line
    slot.page.whenComplete((page, failure) -> {
      if (slot.page.isCancelled()) {
        exchange.cancel(true);
      }
    });
    exchange.whenComplete((response, failure) -> {
      Page<T> page = null;
      Throwable error = failure == null ? null : Futures.unwrap(failure);
      if (response != null) {
        try {
          page = reader.read(slot.number, request, response);
        } catch (RuntimeException e) {
          error = e;
        }
      }
      settle(slot, page);
      if (page != null) {
        slot.page.complete(page);
      } else {
        slot.page.completeExceptionally(error != null ? error : new IllegalStateException("no page"));
      }
      pump();
    });
  }

  // learns from a finished request what exists next; done before the page is handed to the consumer
  private synchronized void settle(Slot<T> slot, @Nullable Page<T> page) {
    inFlight.remove(slot.page);
    if (page == null || !page.hasNext()) {
      exhausted = true;
      return;
    }
    existsThrough = Math.max(existsThrough, slot.number + 1);
    if (!page.totalCapped() && page.totalNumber().isPresent()) {
      long pageSize = page.pageSize();
      long lastPage = (page.totalNumber().getAsLong() + pageSize - 1) / pageSize;
      existsThrough = (int) Math.max(existsThrough, Math.min(lastPage, Integer.MAX_VALUE));
    }
  }

  /** One requested page: its number and the future the consumer waits on. */
  private static final class Slot<T> {
    final int number;
    final CompletableFuture<Page<T>> page = new CompletableFuture<>();

    Slot(int number) {
      this.number = number;
    }
  }
}

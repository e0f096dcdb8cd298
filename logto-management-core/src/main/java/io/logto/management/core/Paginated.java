package io.logto.management.core;

import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * A lazy listing over every page of a list endpoint. Nothing is fetched until iteration, and each
 * iteration starts again from the start page. Immutable: {@link #prefetch(int)} and
 * {@link #parallel(int)} return a new listing.
 *
 * <p>By default pages are fetched one at a time on the consuming thread, only when the previous page
 * is used up, and only the current page is held. To overlap the network with the work on each page:
 *
 * <pre>{@code
 * // fetch up to 2 pages ahead while this one is processed
 * management.users().listAll().prefetch(2).forEach(this::process);
 * // up to 4 requests at once when the first page tells the total (Total-Number, not capped)
 * try (Stream<User> users = management.users().listAll().parallel(4).stream()) {
 *   users.filter(...).findFirst();  // closing the stream cancels what is still in flight
 * }
 * }</pre>
 *
 * <p>Whatever the mode, items come in page order, a failed page throws its {@link LogtoException}
 * when iteration reaches that page (the pages before it are delivered first), and at most the current
 * page plus the pages ahead are held in memory. A caller that stops consuming without closing leaves at
 * most the pages ahead in flight, and nothing more is requested.
 *
 * @param <T> the item type
 */
public interface Paginated<T> extends Iterable<T> {
  /**
   * Iterates every item, fetching pages as the iteration proceeds.
   *
   * @return a new iterator from the start page; close it to cancel pages fetched ahead
   */
  @Override
  CloseableIterator<T> iterator();

  /**
   * Streams every item, fetching pages as the stream is consumed.
   *
   * @return a sequential, lazy stream; closing it cancels pages fetched ahead
   */
  Stream<T> stream();

  /**
   * Iterates page by page, for callers that need totals or page numbers. The iterators it returns are
   * {@link CloseableIterator}s.
   *
   * @return a lazy iterable of pages
   */
  Iterable<Page<T>> pages();

  /**
   * Streams page by page.
   *
   * @return a sequential, lazy stream of pages; closing it cancels pages fetched ahead
   */
  Stream<Page<T>> pageStream();

  /**
   * Fetches up to {@code pages} pages ahead of the one being consumed, one request at a time: the next
   * page is requested as soon as the previous one arrives, so the network overlaps the caller's work.
   * Memory holds at most {@code pages + 1} pages. The default is 0 (fetch on demand, on the consuming
   * thread).
   *
   * @param pages how many pages to fetch ahead, 0 or more
   * @return a listing with this prefetch depth and the other settings of this one
   * @throws IllegalArgumentException if {@code pages < 0}
   */
  Paginated<T> prefetch(int pages);

  /**
   * Sends up to {@code requests} page requests at once when the first page states the total
   * ({@code Total-Number} without {@code Total-Number-Is-Capped}) and a next page; otherwise, and past
   * that total, pages follow one another as with {@link #prefetch(int)}. Pages ahead are bounded by
   * the larger of {@code requests} and the prefetch depth. The default is 1.
   *
   * @param requests the most page requests in flight at once, 1 or more
   * @return a listing with this parallelism and the other settings of this one
   * @throws IllegalArgumentException if {@code requests < 1}
   */
  Paginated<T> parallel(int requests);

  /**
   * Publishes every item to a reactive subscriber without blocking a thread: pages are requested
   * asynchronously when the subscriber's demand needs them (at least one page ahead, more with
   * {@link #prefetch(int)} or {@link #parallel(int)}), and cancelling the subscription cancels the
   * requests in flight. Each subscription walks the listing again from the start page. Signals run on
   * the subscriber's {@code request} thread or on the HTTP client's threads, one at a time.
   *
   * @return a publisher of the items, in page order; a failed page ends it with {@code onError}
   */
  Flow.Publisher<T> publisher();
}

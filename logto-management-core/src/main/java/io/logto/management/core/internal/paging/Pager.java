package io.logto.management.core.internal.paging;

import com.fasterxml.jackson.databind.JavaType;
import io.logto.management.core.ApiRequest;
import io.logto.management.core.CloseableIterator;
import io.logto.management.core.Page;
import io.logto.management.core.Paginated;
import io.logto.management.core.Pagination;
import io.logto.management.core.RawResponse;
import io.logto.management.core.internal.mapping.ResponseDecoder;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazily walks Logto's pages: asks for {@code page + 1} itself (the {@code Link} URLs lack the
 * {@code /api} prefix), continues while a {@code rel="next"} link or {@code Total-Number-Is-Capped: true}
 * is present, and stops at an empty page. Without prefetch or parallelism it fetches on the consuming
 * thread and holds only the current page; otherwise {@link AheadPages} fetches ahead asynchronously.
 *
 * @param <T> the item type
 */
public final class Pager<T> implements Paginated<T> {
  private final PageReader<T> reader;
  private final int startPage;
  private final Function<ApiRequest, RawResponse> send;
  private final Function<ApiRequest, CompletableFuture<RawResponse>> sendAsync;
  private final int prefetch;
  private final int parallel;

  /**
   * Creates a pager; nothing is fetched until iteration.
   *
   * @param request the list call, without {@code page} and {@code page_size}
   * @param itemType the item type
   * @param pagination where to start and the page size
   * @param send sends one page request synchronously
   * @param sendAsync sends one page request without blocking; cancelling its future aborts the exchange
   * @param decoder decodes pages and errors
   */
  public Pager(ApiRequest request, JavaType itemType, Pagination pagination, Function<ApiRequest, RawResponse> send,
      Function<ApiRequest, CompletableFuture<RawResponse>> sendAsync, ResponseDecoder decoder) {
    this(new PageReader<>(request, pagination.pageSize(), decoder, itemType), pagination.startPage(), send, sendAsync,
        0, 1);
  }

  private Pager(PageReader<T> reader, int startPage, Function<ApiRequest, RawResponse> send,
      Function<ApiRequest, CompletableFuture<RawResponse>> sendAsync, int prefetch, int parallel) {
    this.reader = reader;
    this.startPage = startPage;
    this.send = send;
    this.sendAsync = sendAsync;
    this.prefetch = prefetch;
    this.parallel = parallel;
  }

  @Override
  public CloseableIterator<T> iterator() {
    return new ItemIterator<>(pageIterator());
  }

  @Override
  public Stream<T> stream() {
    return closingStream(iterator());
  }

  @Override
  public Iterable<Page<T>> pages() {
    return this::pageIterator;
  }

  @Override
  public Stream<Page<T>> pageStream() {
    return closingStream(pageIterator());
  }

  private static <E> Stream<E> closingStream(CloseableIterator<E> iterator) {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false)
        .onClose(iterator::close);
  }

  @Override
  public Paginated<T> prefetch(int pages) {
    if (pages < 0) {
      throw new IllegalArgumentException("prefetch < 0: " + pages);
    }
    return new Pager<>(reader, startPage, send, sendAsync, pages, parallel);
  }

  @Override
  public Paginated<T> parallel(int requests) {
    if (requests < 1) {
      throw new IllegalArgumentException("parallel < 1: " + requests);
    }
    return new Pager<>(reader, startPage, send, sendAsync, prefetch, requests);
  }

  @Override
  public Flow.Publisher<T> publisher() {
    return new ItemPublisher<>(() -> aheadPages(Math.max(1, ahead())));
  }

  private CloseableIterator<Page<T>> pageIterator() {
    int ahead = ahead();
    return ahead == 0 ? new SequentialPages<>(reader, send, startPage) : aheadPages(ahead);
  }

  private int ahead() {
    return parallel > 1 ? Math.max(prefetch, parallel) : prefetch;
  }

  private AheadPages<T> aheadPages(int ahead) {
    return new AheadPages<>(reader, sendAsync, startPage, ahead, parallel);
  }

  /**
   * Fetches one page on the calling thread.
   *
   * @param number the 1-based page number
   * @return the page
   */
  public Page<T> fetch(int number) {
    ApiRequest pageRequest = reader.request(number);
    return reader.read(number, pageRequest, send.apply(pageRequest));
  }

  /**
   * Describes the listing without its query, which may hold search terms.
   *
   * @return the method, path and paging settings
   */
  @Override
  public String toString() {
    return "Paginated[" + reader.describe() + ", from page " + startPage + ", prefetch " + prefetch + ", parallel "
        + parallel + "]";
  }
}

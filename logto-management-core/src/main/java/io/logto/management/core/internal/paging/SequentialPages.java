package io.logto.management.core.internal.paging;

import io.logto.management.core.ApiRequest;
import io.logto.management.core.CloseableIterator;
import io.logto.management.core.Page;
import io.logto.management.core.RawResponse;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The default walk: each page is fetched on the consuming thread when the previous one is used up,
 * with the blocking send (no thread hand-off). Nothing is ever in flight between calls, so closing
 * only ends the iteration.
 *
 * @param <T> the item type
 */
final class SequentialPages<T> implements CloseableIterator<Page<T>> {
  private final PageReader<T> reader;
  private final Function<ApiRequest, RawResponse> send;
  private int nextPage;
  private boolean more = true;

  SequentialPages(PageReader<T> reader, Function<ApiRequest, RawResponse> send,
      int startPage) {
    this.reader = reader;
    this.send = send;
    this.nextPage = startPage;
  }

  @Override
  public boolean hasNext() {
    return more;
  }

  @Override
  public Page<T> next() {
    if (!more) {
      throw new NoSuchElementException();
    }
    more = false; // a failed page ends the walk
    ApiRequest request = reader.request(nextPage);
    Page<T> page = reader.read(nextPage, request, send.apply(request));
    more = page.hasNext();
    nextPage++;
    return page;
  }

  @Override
  public void close() {
    more = false;
  }
}

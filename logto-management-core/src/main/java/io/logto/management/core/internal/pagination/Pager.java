package io.logto.management.core.internal.pagination;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.ApiRequest;
import io.logto.management.core.LogtoResponseException;
import io.logto.management.core.Page;
import io.logto.management.core.Paginated;
import io.logto.management.core.Pagination;
import io.logto.management.core.RawResponse;
import io.logto.management.core.internal.json.Json;
import io.logto.management.core.internal.json.ResponseDecoder;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazily walks Logto's pages: asks for {@code page + 1} itself (the {@code Link} URLs lack the
 * {@code /api} prefix), continues while a {@code rel="next"} link or {@code Total-Number-Is-Capped: true}
 * is present, and stops at an empty page. Only the current page is held.
 *
 * @param <T> the item type
 */
public final class Pager<T> implements Paginated<T> {
  private final ApiRequest request;
  private final Pagination pagination;
  private final Function<ApiRequest, RawResponse> send;
  private final ResponseDecoder decoder;
  private final JavaType listType;

  /**
   * Creates a pager; nothing is fetched until iteration.
   *
   * @param request the list call, without {@code page} and {@code page_size}
   * @param itemType the item type
   * @param pagination where to start and the page size
   * @param send sends one page request synchronously
   * @param decoder decodes pages and errors
   */
  public Pager(ApiRequest request, JavaType itemType, Pagination pagination, Function<ApiRequest, RawResponse> send,
      ResponseDecoder decoder) {
    this.request = request;
    this.pagination = pagination;
    this.send = send;
    this.decoder = decoder;
    ObjectMapper mapper = decoder.mapper();
    this.listType = mapper.getTypeFactory().constructCollectionType(List.class, itemType);
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = pages().iterator();
    return new Iterator<>() {
      private Iterator<T> items = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext() && pages.hasNext()) {
          items = pages.next().items().iterator();
        }
        return items.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.next();
      }
    };
  }

  @Override
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  @Override
  public Iterable<Page<T>> pages() {
    return () -> new Iterator<>() {
      private int nextPage = pagination.startPage();
      private boolean more = true;

      @Override
      public boolean hasNext() {
        return more;
      }

      @Override
      public Page<T> next() {
        if (!more) {
          throw new NoSuchElementException();
        }
        Page<T> page = fetch(nextPage);
        more = page.hasNext();
        nextPage++;
        return page;
      }
    };
  }

  /**
   * Fetches one page.
   *
   * @param number the 1-based page number
   * @return the page
   */
  public Page<T> fetch(int number) {
    ApiRequest pageRequest = request.withQuery("page", String.valueOf(number))
        .withQuery("page_size", String.valueOf(pagination.pageSize()));
    RawResponse response = send.apply(pageRequest);
    decoder.throwIfError(response);
    if (!Json.startsWith(response.body(), '[')) {
      String excerpt = Json.excerpt(response.body());
      throw new LogtoResponseException(pageRequest.method() + " " + pageRequest.path() + " -> " + response.status()
          + ": expected a JSON array of items: " + excerpt, response.status(), excerpt, null);
    }
    List<T> items = decoder.decode(response, listType);
    OptionalLong total = response.headers().firstValue("Total-Number").map(Pager::parseLong)
        .orElse(OptionalLong.empty());
    boolean capped = response.headers().firstValue("Total-Number-Is-Capped")
        .map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
    boolean next = !items.isEmpty() && (capped || LinkHeader.hasRelation(response.headers(), "next"));
    return new PageData<>(items, number, pagination.pageSize(), total, capped, next);
  }

  private static OptionalLong parseLong(String text) {
    try {
      return OptionalLong.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}

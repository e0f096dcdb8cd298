package io.logto.management.core;

import java.util.stream.Stream;

/**
 * A lazy listing over every page of a list endpoint. Pages are fetched one at a time while iterating;
 * only the current page is held in memory. Each iteration starts again from the start page.
 *
 * @param <T> the item type
 */
public interface Paginated<T> extends Iterable<T> {
  /**
   * Streams every item, fetching pages as the stream is consumed.
   *
   * @return a sequential, lazy stream
   */
  Stream<T> stream();

  /**
   * Iterates page by page, for callers that need totals or page numbers.
   *
   * @return a lazy iterable of pages
   */
  Iterable<Page<T>> pages();
}

package io.logto.management.core;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of a paginated listing, as the server answered it.
 *
 * @param <T> the item type
 */
public interface Page<T> {
  /**
   * Returns the items of this page.
   *
   * @return an unmodifiable list, empty when the listing is exhausted
   */
  List<T> items();

  /**
   * Returns the 1-based number of this page.
   *
   * @return the page number that was requested
   */
  int page();

  /**
   * Returns the page size that was requested.
   *
   * @return the requested page size
   */
  int pageSize();

  /**
   * Returns the {@code Total-Number} header, the server's count of all items.
   *
   * @return the total, or empty when the server sent none
   */
  OptionalLong totalNumber();

  /**
   * Tells whether the server capped its count ({@code Total-Number-Is-Capped: true}); the real total
   * may then be larger than {@link #totalNumber()}.
   *
   * @return whether the total is capped
   */
  boolean totalCapped();

  /**
   * Tells whether another page should be asked for: the server sent a {@code rel="next"} link or a
   * capped total, and this page was not empty.
   *
   * @return whether a following page may hold items
   */
  boolean hasNext();
}

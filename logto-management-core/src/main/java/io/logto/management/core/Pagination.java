package io.logto.management.core;

/**
 * Where a paginated listing starts and how many items each page asks for.
 *
 * @param startPage the first page to fetch, 1-based; a listing can resume from any page
 * @param pageSize items per page, between 1 and {@value #MAX_PAGE_SIZE} (Logto's own cap)
 */
public record Pagination(int startPage, int pageSize) {
  /** The largest page size Logto accepts. */
  public static final int MAX_PAGE_SIZE = 100;

  /**
   * Validates the values before any request is made.
   *
   * @param startPage the first page to fetch, 1-based; a listing can resume from any page
   * @param pageSize items per page, between 1 and {@value #MAX_PAGE_SIZE} (Logto's own cap)
   * @throws IllegalArgumentException if {@code startPage < 1} or {@code pageSize} is outside 1..100
   */
  public Pagination {
    if (startPage < 1) {
      throw new IllegalArgumentException("startPage < 1: " + startPage);
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be within 1.." + MAX_PAGE_SIZE + ": " + pageSize);
    }
  }

  /**
   * Starts at page 1 with {@value #MAX_PAGE_SIZE} items per page.
   *
   * @return the default pagination
   */
  public static Pagination defaults() {
    return new Pagination(1, MAX_PAGE_SIZE);
  }

  /**
   * Starts at {@code startPage} with {@code pageSize} items per page.
   *
   * @param startPage the first page to fetch, 1-based
   * @param pageSize items per page, 1..100
   * @return the pagination
   * @throws IllegalArgumentException if a value is out of range
   */
  public static Pagination of(int startPage, int pageSize) {
    return new Pagination(startPage, pageSize);
  }
}

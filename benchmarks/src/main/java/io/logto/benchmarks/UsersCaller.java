package io.logto.benchmarks;

import java.util.List;

/** One way of fetching {@code GET /api/users?page=1&page_size=100} and decoding it into a list of users. */
interface UsersCaller extends AutoCloseable {
  /**
   * Fetches and decodes one page.
   *
   * @param pageSize the page size to ask for, 1 to 100
   * @return the decoded users
   * @throws Exception whatever the underlying client throws
   */
  List<?> listUsers(int pageSize) throws Exception;

  /**
   * Returns the label printed in the results.
   *
   * @return a short name
   */
  String label();

  @Override
  default void close() {}
}

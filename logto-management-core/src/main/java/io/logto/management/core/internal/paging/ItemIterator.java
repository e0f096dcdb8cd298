package io.logto.management.core.internal.paging;

import io.logto.management.core.CloseableIterator;
import io.logto.management.core.Page;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Flattens pages into their items; closing it closes the pages.
 *
 * @param <T> the item type
 */
final class ItemIterator<T> implements CloseableIterator<T> {
  private final CloseableIterator<Page<T>> pages;
  private Iterator<T> items = Collections.emptyIterator();

  ItemIterator(CloseableIterator<Page<T>> pages) {
    this.pages = pages;
  }

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

  @Override
  public void close() {
    items = Collections.emptyIterator();
    pages.close();
  }
}

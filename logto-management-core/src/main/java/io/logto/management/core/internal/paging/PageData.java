package io.logto.management.core.internal.paging;

import io.logto.management.core.Page;
import java.util.List;
import java.util.OptionalLong;

/**
 * One fetched page.
 *
 * @param items the items
 * @param page the page number
 * @param pageSize the requested page size
 * @param totalNumber the {@code Total-Number} header
 * @param totalCapped whether {@code Total-Number-Is-Capped: true} was sent
 * @param hasNext whether the next page should be asked for
 * @param <T> the item type
 */
record PageData<T>(List<T> items, int page, int pageSize, OptionalLong totalNumber, boolean totalCapped,
    boolean hasNext) implements Page<T> {
  PageData {
    items = List.copyOf(items);
  }
}

package io.logto.management.core.internal.paging;

import com.fasterxml.jackson.databind.JavaType;
import io.logto.management.core.ApiRequest;
import io.logto.management.core.LogtoResponseException;
import io.logto.management.core.Page;
import io.logto.management.core.RawResponse;
import io.logto.management.core.internal.http.LinkHeader;
import io.logto.management.core.internal.json.Json;
import io.logto.management.core.internal.mapping.ResponseDecoder;
import io.logto.management.core.internal.text.BodySummary;
import java.util.List;
import java.util.OptionalLong;

/**
 * Builds the request for one page and reads its answer: the items, the totals and whether a next page
 * follows. Stateless, so the blocking and the asynchronous walks share it.
 *
 * @param <T> the item type
 */
final class PageReader<T> {
  private final ApiRequest request;
  private final int pageSize;
  private final ResponseDecoder decoder;
  private final JavaType listType;

  PageReader(ApiRequest request, int pageSize, ResponseDecoder decoder, JavaType itemType) {
    this.request = request;
    this.pageSize = pageSize;
    this.decoder = decoder;
    this.listType = decoder.mapper().getTypeFactory().constructCollectionType(List.class, itemType);
  }

  ApiRequest request(int number) {
    return request.withQuery("page", String.valueOf(number)).withQuery("page_size", String.valueOf(pageSize));
  }

  /** Names the listing in messages, without the query (which may hold search terms). */
  String describe() {
    return request.method() + " " + request.path();
  }

  Page<T> read(int number, ApiRequest pageRequest, RawResponse response) {
    decoder.throwIfError(response);
    if (!Json.startsWith(response.body(), '[')) {
      // the body may hold personal data or credentials: described by type and length, kept whole for body()
      throw new LogtoResponseException(pageRequest.method() + " " + pageRequest.path() + " -> " + response.status()
          + ": expected a JSON array of items (" + BodySummary.of(response.headers(), response.body()) + ")",
          response.status(), response.body(), null);
    }
    List<T> items = decoder.decode(response, listType);
    OptionalLong total = response.headers().firstValue("Total-Number").map(PageReader::parseLong)
        .orElse(OptionalLong.empty());
    boolean capped = response.headers().firstValue("Total-Number-Is-Capped")
        .map(value -> value.trim().equalsIgnoreCase("true")).orElse(false);
    boolean next = !items.isEmpty() && (capped || LinkHeader.hasRelation(response.headers(), "next"));
    return new PageData<>(items, number, pageSize, total, capped, next);
  }

  private static OptionalLong parseLong(String text) {
    try {
      return OptionalLong.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}

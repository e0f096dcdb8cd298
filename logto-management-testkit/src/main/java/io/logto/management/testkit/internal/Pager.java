package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * Logto's pagination: {@code page} (1-based) and {@code page_size} (1..100, default 20), a
 * {@code Total-Number} header and one {@code Link} header per relation (first, prev, last, next) whose
 * URL drops the {@code /api} prefix and keeps the other query parameters as sent.
 */
final class Pager {
  static final int DEFAULT_PAGE_SIZE = 20;
  static final int MAX_PAGE_SIZE = 100;

  private Pager() {}

  /** Paginates always, applying the default page size when no parameter is sent. */
  public static Reply paged(Call call, List<? extends JsonNode> items) {
    return paged(call, items, page -> page);
  }

  /** Paginates like {@link #paged(Call, List)}, answering the page as the array {@code field} of an object. */
  public static Reply pagedWithin(Call call, List<? extends JsonNode> items, String field) {
    return paged(call, items, page -> {
      ObjectNode body = Json.object();
      body.set(field, page);
      return body;
    });
  }

  private static Reply paged(Call call, List<? extends JsonNode> items, Function<ArrayNode, JsonNode> body) {
    int page = parse(call.query("page"), 1);
    int pageSize = parse(call.query("page_size"), DEFAULT_PAGE_SIZE);
    if (page < 1 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw invalid();
    }
    int total = items.size();
    int from = (int) Math.min((long) (page - 1) * pageSize, total);
    int to = Math.min(from + pageSize, total);
    Reply reply = Reply.ok(body.apply(Json.arrayOf(items.subList(from, to))));
    reply.header("Total-Number", Integer.toString(total));
    int last = Math.max(1, (total + pageSize - 1) / pageSize);
    reply.header("Link", link(call, 1, "first"));
    if (page > 1) {
      reply.header("Link", link(call, page - 1, "prev"));
    }
    reply.header("Link", link(call, last, "last"));
    if (page < last) {
      reply.header("Link", link(call, page + 1, "next"));
    }
    return reply;
  }

  /** Returns every item without headers when neither parameter is sent, else paginates. */
  public static Reply optional(Call call, List<? extends JsonNode> items) {
    if (call.query("page") == null && call.query("page_size") == null) {
      return Reply.ok(Json.arrayOf(items));
    }
    return paged(call, items);
  }

  private static int parse(String value, int fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static ApiError invalid() {
    return ApiError.of(400, "guard.invalid_pagination", "The request pagination value is invalid.");
  }

  private static String link(Call call, int page, String rel) {
    StringBuilder url = new StringBuilder(call.origin());
    String path = call.rawPath();
    url.append(path.startsWith("/api/") ? path.substring(4) : path).append('?');
    boolean pageWritten = false;
    boolean first = true;
    for (String[] pair : call.rawQuery()) {
      if (!first) {
        url.append('&');
      }
      first = false;
      if (pair[0].equals("page")) {
        url.append("page=").append(page);
        pageWritten = true;
      } else {
        url.append(pair[0]).append('=').append(pair[1]);
      }
    }
    if (!pageWritten) {
      url.append(first ? "" : "&").append("page=").append(page);
    }
    return "<" + url + ">; rel=\"" + rel + "\"";
  }
}

package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Prefetching and parallel paging over a loopback server that numbers its items. */
@Timeout(60)
final class PagingAheadTest {
  private static final ApiRequest LIST = ApiRequest.get("/api/items").build();

  /**
   * Serves items 1..total, {@code page_size} per page, with Logto's {@code Total-Number} and
   * {@code Link rel="next"} headers; counts requests and the most answered at once; can hold every
   * answer until released and fail one page.
   */
  static final class NumberedItems {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    final CountDownLatch release;
    final int total;
    final boolean capped;
    final int failingPage;
    final long delayMillis;

    NumberedItems(int total, boolean capped, int failingPage, long delayMillis, boolean held) {
      this.total = total;
      this.capped = capped;
      this.failingPage = failingPage;
      this.delayMillis = delayMillis;
      this.release = new CountDownLatch(held ? 1 : 0);
    }

    static NumberedItems of(int total) {
      return new NumberedItems(total, false, 0, 0, false);
    }

    TestServer serve(TestServer server) {
      return server.on("/api/items", request -> {
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        try {
          release.await(30, TimeUnit.SECONDS);
          Thread.sleep(delayMillis);
          var query = ClientSetupTest.form(request.query());
          int page = Integer.parseInt(query.get("page"));
          int size = Integer.parseInt(query.get("page_size"));
          if (page == failingPage) {
            return Reply.json(403, "{\"code\":\"auth.forbidden\",\"message\":\"no\"}");
          }
          int first = (page - 1) * size + 1;
          String items = IntStream.rangeClosed(first, Math.min(total, page * size)).mapToObj(Integer::toString)
              .reduce((a, b) -> a + "," + b).orElse("");
          Reply reply = Reply.json(200, "[" + items + "]").header("Total-Number", String.valueOf(total));
          if (capped) {
            reply = reply.header("Total-Number-Is-Capped", "true");
          } else if (page * size < total) {
            reply = reply.header("Link", "<http://x/items?page=" + (page + 1) + ">; rel=\"next\"");
          }
          return reply;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Reply.status(503);
        } finally {
          inFlight.decrementAndGet();
        }
      });
    }
  }

  private static LogtoClient client(TestServer server) {
    return LogtoClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(() -> "t")).build();
  }

  private static Paginated<JsonNode> listing(TestServer server, int pageSize) {
    return client(server).paginate(LIST, JsonNode.class, Pagination.of(1, pageSize), RequestOptions.defaults());
  }

  private static List<Integer> numbers(Stream<JsonNode> items) {
    try (items) {
      return items.map(JsonNode::asInt).toList();
    }
  }

  private static List<Integer> oneTo(int n) {
    return IntStream.rangeClosed(1, n).boxed().toList();
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 3000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 30 s").isTrue();
  }

  /** Gives a client time to send requests it should not send; the assertion after it is on counts. */
  private static void settle() throws InterruptedException {
    Thread.sleep(200);
  }

  @Test
  void prefetchDeliversEveryItemInOrderAndRequestsEachPageOnce() {
    NumberedItems items = NumberedItems.of(21);
    try (TestServer server = items.serve(TestServer.start())) {
      assertThat(numbers(listing(server, 2).prefetch(3).stream())).isEqualTo(oneTo(21));
      assertThat(server.requests()).extracting(r -> ClientSetupTest.form(r.query()).get("page"))
          .containsExactly(IntStream.rangeClosed(1, 11).mapToObj(Integer::toString).toArray(String[]::new));
      assertThat(items.mostInFlight.get()).as("prefetch sends one request at a time").isEqualTo(1);
    }
  }

  @Test
  void prefetchFetchesAheadWhileTheCallerHoldsAPageButNoFurtherThanTheDepth() throws InterruptedException {
    NumberedItems items = NumberedItems.of(40);
    try (TestServer server = items.serve(TestServer.start());
        CloseableIterator<JsonNode> iterator = listing(server, 2).prefetch(2).iterator()) {
      assertThat(server.requests()).isEmpty();

      assertThat(iterator.next().asInt()).isEqualTo(1);
      eventually(() -> server.count("/api/items") == 3); // page 1 held by the caller, pages 2 and 3 ahead
      settle();
      assertThat(server.count("/api/items")).isEqualTo(3);

      assertThat(iterator.next().asInt()).isEqualTo(2);
      assertThat(iterator.next().asInt()).isEqualTo(3); // takes page 2, so page 4 may be fetched
      eventually(() -> server.count("/api/items") == 4);
      settle();
      assertThat(server.count("/api/items")).isEqualTo(4);
    }
  }

  @Test
  void parallelSendsUpToItsLimitAtOnceAndKeepsPageOrder() {
    NumberedItems items = new NumberedItems(60, false, 0, 40, false);
    try (TestServer server = items.serve(TestServer.start())) {
      assertThat(numbers(listing(server, 3).parallel(4).stream())).isEqualTo(oneTo(60));

      assertThat(server.count("/api/items")).isEqualTo(20);
      assertThat(items.mostInFlight.get()).isBetween(2, 4);
    }
  }

  @Test
  void parallelHoldsNoMorePagesThanItsLimitWhileTheCallerWaits() throws InterruptedException {
    NumberedItems items = NumberedItems.of(100);
    try (TestServer server = items.serve(TestServer.start());
        CloseableIterator<Page<JsonNode>> pages = (CloseableIterator<Page<JsonNode>>) listing(server, 5).parallel(4)
            .pages().iterator()) {
      assertThat(pages.next().page()).isEqualTo(1);
      eventually(() -> server.count("/api/items") == 5); // the caller's page and 4 ahead
      settle();
      assertThat(server.count("/api/items")).isEqualTo(5);
      assertThat(pages.next().page()).isEqualTo(2);
      eventually(() -> server.count("/api/items") == 6);
    }
  }

  @Test
  void parallelWithACappedTotalFollowsThePagesOneByOne() {
    NumberedItems items = new NumberedItems(12, true, 0, 20, false);
    try (TestServer server = items.serve(TestServer.start())) {
      // capped: no Link, every page says more may follow, an empty page ends it
      assertThat(numbers(listing(server, 3).parallel(4).stream())).isEqualTo(oneTo(12));

      assertThat(server.count("/api/items")).isEqualTo(5);
      assertThat(items.mostInFlight.get()).isEqualTo(1);
    }
  }

  @Test
  void aFailedPageThrowsWhenIterationReachesItAfterThePagesBefore() {
    NumberedItems items = new NumberedItems(40, false, 3, 0, false);
    try (TestServer server = items.serve(TestServer.start())) {
      List<Integer> seen = new ArrayList<>();
      CloseableIterator<JsonNode> iterator = listing(server, 2).parallel(4).iterator();

      assertThatThrownBy(() -> iterator.forEachRemaining(item -> seen.add(item.asInt())))
          .isInstanceOf(LogtoForbiddenException.class);
      assertThat(seen).containsExactly(1, 2, 3, 4);
      assertThat(iterator.hasNext()).isFalse();
      assertThat(server.count("/api/items")).isLessThanOrEqualTo(3 + 4);
    }
  }

  @Test
  void closingTheStreamStopsTheRequests() throws InterruptedException {
    NumberedItems items = new NumberedItems(1000, false, 0, 0, true);
    try (TestServer server = items.serve(TestServer.start())) {
      Stream<JsonNode> stream = listing(server, 2).parallel(3).stream();
      Thread consumer = new Thread(() -> {
        try (stream) {
          stream.limit(3).forEach(item -> {});
        }
      });
      consumer.start();
      eventually(() -> server.count("/api/items") >= 1);
      items.release.countDown();
      consumer.join(10_000);
      assertThat(consumer.isAlive()).isFalse();
      settle(); // requests already on the wire when the stream closed may still arrive
      long atClose = server.count("/api/items");
      settle();

      // none is sent after them
      assertThat(server.count("/api/items")).isEqualTo(atClose).isLessThanOrEqualTo(2 + 3);
    }
  }

  @Test
  void anAbandonedIteratorStopsAtItsDepth() throws InterruptedException {
    NumberedItems items = NumberedItems.of(1000);
    try (TestServer server = items.serve(TestServer.start())) {
      CloseableIterator<JsonNode> iterator = listing(server, 2).prefetch(2).iterator();
      iterator.next();
      eventually(() -> server.count("/api/items") == 3);
      settle();

      assertThat(server.count("/api/items")).isEqualTo(3);
    }
  }

  @Test
  void badSettingsNameTheValue() {
    try (TestServer server = TestServer.start()) {
      Paginated<JsonNode> listing = listing(server, 2);
      assertThatThrownBy(() -> listing.prefetch(-1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("prefetch < 0: -1");
      assertThatThrownBy(() -> listing.parallel(0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("parallel < 1: 0");
    }
  }
}

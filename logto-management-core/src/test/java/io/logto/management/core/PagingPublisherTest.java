package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.PagingAheadTest.NumberedItems;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reactive view of a listing: demand-driven requests, order, errors and cancellation. */
@Timeout(60)
final class PagingPublisherTest {
  private static final ApiRequest LIST = ApiRequest.get("/api/items").build();

  /** Records signals; the test thread drives demand. */
  static final class Recorder implements Flow.Subscriber<JsonNode> {
    final List<Integer> items = new CopyOnWriteArrayList<>();
    final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    final CompletableFuture<Void> completed = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription.complete(s);
    }

    @Override
    public void onNext(JsonNode item) {
      items.add(item.asInt());
    }

    @Override
    public void onError(Throwable failure) {
      completed.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      completed.complete(null);
    }

    Flow.Subscription subscription() {
      return subscription.join();
    }
  }

  private static Flow.Publisher<JsonNode> publisher(TestServer server, int pageSize) {
    return LogtoClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(() -> "t")).build()
        .paginate(LIST, JsonNode.class, Pagination.of(1, pageSize), RequestOptions.defaults()).publisher();
  }

  private static void awaitItems(Recorder recorder, int count) throws InterruptedException {
    for (int i = 0; i < 3000 && recorder.items.size() < count; i++) {
      Thread.sleep(10);
    }
    assertThat(recorder.items).hasSize(count);
  }

  @Test
  void requestsNothingBeforeDemandAndAnswersDemandWithoutBlockingTheCaller() throws Exception {
    NumberedItems items = new NumberedItems(10, false, 0, 0, true);
    try (TestServer server = items.serve(TestServer.start())) {
      Recorder recorder = new Recorder();
      publisher(server, 2).subscribe(recorder);
      Thread.sleep(100);
      assertThat(server.requests()).isEmpty();

      recorder.subscription().request(1); // returns while the server still holds page 1
      assertThat(recorder.items).isEmpty();
      items.release.countDown();
      awaitItems(recorder, 1);
      assertThat(recorder.items).containsExactly(1);
    }
  }

  @Test
  void slowSubscriberGetsEveryItemInOrderWithRequestsBoundedByItsDemand() throws Exception {
    NumberedItems items = NumberedItems.of(10);
    try (TestServer server = items.serve(TestServer.start())) {
      Recorder recorder = new Recorder();
      publisher(server, 2).subscribe(recorder);

      for (int n = 1; n <= 10; n++) {
        recorder.subscription().request(1);
        awaitItems(recorder, n);
        Thread.sleep(20);
        int pagesConsumed = (n + 1) / 2;
        // the page being drained plus at most one ahead
        assertThat(server.count("/api/items")).isLessThanOrEqualTo(pagesConsumed + 1);
      }
      recorder.subscription().request(1);
      recorder.completed.get(10, TimeUnit.SECONDS);
      assertThat(recorder.items).isEqualTo(IntStream.rangeClosed(1, 10).boxed().toList());
      assertThat(server.count("/api/items")).isEqualTo(5);
    }
  }

  @Test
  void cancellingStopsTheRequests() throws Exception {
    NumberedItems items = NumberedItems.of(1000);
    try (TestServer server = items.serve(TestServer.start())) {
      Recorder recorder = new Recorder();
      publisher(server, 2).subscribe(recorder);
      recorder.subscription().request(3);
      awaitItems(recorder, 3);

      recorder.subscription().cancel();
      Thread.sleep(200); // requests written before the cancel may still be on their way
      long atCancel = server.count("/api/items");
      recorder.subscription().request(10);
      Thread.sleep(200);

      assertThat(server.count("/api/items")).isEqualTo(atCancel).isLessThanOrEqualTo(3);
      assertThat(recorder.items).containsExactly(1, 2, 3);
      assertThat(recorder.completed).isNotDone();
    }
  }

  @Test
  void parallelPublisherKeepsOrderAndAFailedPageEndsItWithItsError() throws Exception {
    NumberedItems items = new NumberedItems(40, false, 4, 10, false);
    try (TestServer server = items.serve(TestServer.start())) {
      Recorder recorder = new Recorder();
      LogtoClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(() -> "t")).build()
          .paginate(LIST, JsonNode.class, Pagination.of(1, 2), RequestOptions.defaults()).parallel(3).publisher()
          .subscribe(recorder);
      recorder.subscription().request(Long.MAX_VALUE);

      assertThat(recorder.completed).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
          .havingRootCause().isInstanceOf(LogtoForbiddenException.class);
      assertThat(recorder.items).containsExactly(1, 2, 3, 4, 5, 6);
    }
  }

  @Test
  void nonPositiveDemandIsAnError() throws Exception {
    try (TestServer server = NumberedItems.of(4).serve(TestServer.start())) {
      Recorder recorder = new Recorder();
      publisher(server, 2).subscribe(recorder);
      recorder.subscription().request(0);

      assertThat(recorder.completed).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
          .havingRootCause().isInstanceOf(IllegalArgumentException.class).withMessageContaining(": 0");
      assertThat(server.requests()).isEmpty();
    }
  }
}

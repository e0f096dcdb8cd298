package io.logto.management.core.internal.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Reads the body as bytes, failing when it has not fully arrived within a timeout after the headers.
 * The JDK client's request timeout stops once the headers arrive, so a stalled body would otherwise
 * block forever. The timer is cancelled when the body completes, so nothing lingers per call.
 */
final class TimedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
  private final CompletableFuture<byte[]> body;
  private volatile Flow.Subscription subscription;

  private TimedBody(Duration timeout) {
    this.body = bytes.getBody().toCompletableFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    body.whenComplete((value, failure) -> {
      Flow.Subscription current = subscription;
      if (failure != null && current != null) {
        current.cancel();
      }
    });
  }

  static HttpResponse.BodyHandler<byte[]> handler(java.util.Optional<Duration> timeout) {
    return timeout.<HttpResponse.BodyHandler<byte[]>>map(value -> info -> new TimedBody(value))
        .orElseGet(HttpResponse.BodyHandlers::ofByteArray);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    bytes.onSubscribe(subscription);
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    bytes.onNext(item);
  }

  @Override
  public void onError(Throwable throwable) {
    bytes.onError(throwable);
  }

  @Override
  public void onComplete() {
    bytes.onComplete();
  }
}

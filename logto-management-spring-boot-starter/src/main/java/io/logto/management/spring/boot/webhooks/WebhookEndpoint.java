package io.logto.management.spring.boot.webhooks;

import static java.util.Objects.requireNonNull;

import io.logto.management.webhooks.WebhookEvent;
import io.logto.management.webhooks.WebhookReceiver;
import io.logto.management.webhooks.WebhookVerificationException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What the MVC and the WebFlux routes share: verify a delivery's raw bytes, publish its typed event,
 * choose the answer. It logs the outcome with the reason and the event's name only: never a body, a
 * signature or a key, and never a listener's exception message (which may quote the event).
 */
final class WebhookEndpoint {
  private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);

  static final Answer PUBLISHED = new Answer(204, "");

  private final LogtoWebhookSigningKeys signingKeys;
  private final int maxBodyBytes;
  private final @Nullable Duration replayWindow;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;
  private final Consumer<WebhookEvent> afterListeners;
  private volatile @Nullable KeyedReceiver current;

  WebhookEndpoint(LogtoWebhookSigningKeys signingKeys, int maxBodyBytes, @Nullable Duration replayWindow,
      Clock clock, ApplicationEventPublisher publisher, Consumer<WebhookEvent> afterListeners) {
    this.signingKeys = requireNonNull(signingKeys, "signingKeys == null");
    this.maxBodyBytes = maxBodyBytes;
    this.replayWindow = replayWindow;
    this.clock = requireNonNull(clock, "clock == null");
    this.publisher = requireNonNull(publisher, "publisher == null");
    this.afterListeners = requireNonNull(afterListeners, "afterListeners == null");
  }

  /** The largest body a route reads; a route stops reading one byte past it. */
  int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The answer to a body the route found over the limit, declared or read. */
  Answer tooLarge() {
    log.warn("Logto webhook delivery rejected (413): BODY_TOO_LARGE, over {} bytes", maxBodyBytes);
    return new Answer(413, "BODY_TOO_LARGE");
  }

  /**
   * Verifies and publishes one delivery.
   *
   * @param body the request body's bytes, exactly as received
   * @param signature the {@code logto-signature-sha-256} header, or {@code null} when absent
   * @return 204 once every listener returned, the reason's status (401, 413, 400) when it does not verify
   *     or decode, 500 when a listener threw
   */
  Answer deliver(byte[] body, @Nullable String signature) {
    WebhookEvent event;
    try {
      event = receiver().receive(body, signature);
    } catch (WebhookVerificationException e) {
      int status = e.reason().httpStatus();
      log.warn("Logto webhook delivery rejected ({}): {}", status, e.reason());
      return new Answer(status, e.reason().name());
    } catch (IllegalArgumentException e) {
      // the keys of a custom LogtoWebhookSigningKeys (those of the properties were checked at start-up)
      log.error("Logto webhook delivery not verified (500): the signing keys are not usable ({})",
          e.getClass().getSimpleName());
      return new Answer(500, "SIGNING_KEYS_UNUSABLE");
    }
    String name = event.event();
    try {
      publisher.publishEvent(event);
    } catch (RuntimeException e) {
      log.error("Logto webhook {}: a listener threw {} at {}; answered 500, so Logto logs the delivery as failed",
          name, e.getClass().getName(), thrownAt(e));
      return new Answer(500, "LISTENER_FAILED");
    } finally {
      afterListeners.accept(event);
    }
    log.debug("Logto webhook {} published", name);
    return PUBLISHED;
  }

  private WebhookReceiver receiver() {
    List<String> keys = List.copyOf(signingKeys.signingKeys());
    KeyedReceiver cached = current;
    if (cached != null && cached.keys.equals(keys)) {
      return cached.receiver;
    }
    WebhookReceiver receiver = newReceiver(keys, maxBodyBytes, replayWindow, clock);
    current = new KeyedReceiver(keys, receiver);
    return receiver;
  }

  static WebhookReceiver newReceiver(List<String> keys, int maxBodyBytes, @Nullable Duration replayWindow,
      Clock clock) {
    WebhookReceiver.Builder builder = WebhookReceiver.builder().signingKeys(keys).maxBodyBytes(maxBodyBytes)
        .clock(clock);
    if (replayWindow != null) {
      builder.replayWindow(replayWindow);
    }
    return builder.build();
  }

  // the frame that threw tells where to look; the message may quote the event, so it stays out
  private static String thrownAt(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length == 0 ? "an unknown place" : trace[0].toString();
  }

  /**
   * What to answer Logto.
   *
   * @param status the HTTP status
   * @param reason a short reason in capitals for a refused delivery, empty on success
   */
  record Answer(int status, String reason) {}

  // not a record: a record's toString would show the keys
  private static final class KeyedReceiver {
    final List<String> keys;
    final WebhookReceiver receiver;

    KeyedReceiver(List<String> keys, WebhookReceiver receiver) {
      this.keys = keys;
      this.receiver = receiver;
    }
  }
}

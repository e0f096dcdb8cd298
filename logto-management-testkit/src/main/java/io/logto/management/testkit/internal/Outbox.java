package io.logto.management.testkit.internal;

import io.logto.management.testkit.SentMessage;
import io.logto.management.testkit.WebhookDelivery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the emulator sent out where Logto talks to the outside world: messages through e-mail and SMS
 * connectors (every route that sends one calls {@link #send}) and webhook deliveries. Owned by the
 * {@link Store}; read through {@code LogtoEmulator}. Thread-safe: deliveries complete on the webhook
 * threads while handlers run under the server's lock.
 *
 * <p>It also knows which connector sends each channel: the connector routes call
 * {@link #connectorConfigured} and {@link #connectorRemoved}, and routes that send a message ask
 * {@link #connectorId} (none, as in a fresh Logto, until a test creates an e-mail or SMS connector).
 */
public final class Outbox {
  private final List<SentMessage> messages = new ArrayList<>();
  private final List<WebhookDelivery> deliveries = new ArrayList<>();
  private final Map<SentMessage.Channel, String> connectors = new EnumMap<>(SentMessage.Channel.class);

  /** Records a message as sent by its connector. */
  public synchronized void send(SentMessage message) {
    messages.add(Objects.requireNonNull(message, "message == null"));
  }

  /**
   * Completes {@code message} with the channel's connector and the time and sends it; without a
   * connector of that channel, 501 {@code connector.not_found} as Logto answers.
   */
  public SentMessage sendThroughConnector(SentMessage.Channel channel, SentMessage.Builder message, long nowMillis) {
    String connectorId = connectorId(channel);
    if (connectorId == null) {
      String type = channel == SentMessage.Channel.EMAIL ? "Email" : "Sms";
      throw ApiError.of(501, "connector.not_found", "Cannot find any available connector for type: " + type + ".");
    }
    SentMessage sent = message.channel(channel).connectorId(connectorId)
        .sentAt(java.time.Instant.ofEpochMilli(nowMillis)).build();
    send(sent);
    return sent;
  }

  /** Every message sent so far (since the last clear), oldest first. */
  public synchronized List<SentMessage> sentMessages() {
    return List.copyOf(messages);
  }

  public synchronized void clearSentMessages() {
    messages.clear();
  }

  /** Records a finished webhook delivery and wakes the threads waiting for deliveries. */
  synchronized void delivered(WebhookDelivery delivery) {
    deliveries.add(Objects.requireNonNull(delivery, "delivery == null"));
    notifyAll();
  }

  /** Every finished webhook delivery so far (since the last clear), in the order they finished. */
  public synchronized List<WebhookDelivery> webhookDeliveries() {
    return List.copyOf(deliveries);
  }

  /**
   * Waits until at least {@code count} deliveries have finished (since the last clear) or
   * {@code timeout} has passed, and returns them all.
   */
  public synchronized List<WebhookDelivery> awaitWebhookDeliveries(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (deliveries.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      Duration wait = Duration.ofNanos(left);
      wait(Math.max(1, wait.toMillis()));
    }
    return List.copyOf(deliveries);
  }

  public synchronized void clearWebhookDeliveries() {
    deliveries.clear();
  }

  // ---- connectors area: which connector sends each channel ----

  /** A connector of {@code channel} now exists (Logto allows one e-mail and one SMS connector). */
  synchronized void connectorConfigured(SentMessage.Channel channel, String connectorId) {
    connectors.put(channel, connectorId);
  }

  /** The connector is gone; its channel sends nothing any more. */
  synchronized void connectorRemoved(String connectorId) {
    connectors.values().remove(connectorId);
  }

  /** The id of the connector that sends {@code channel}, or null when none is configured. */
  synchronized String connectorId(SentMessage.Channel channel) {
    return connectors.get(channel);
  }
}

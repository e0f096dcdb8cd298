package io.logto.management.testkit;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One POST of a webhook event to a hook's URL, as the emulator made it (on its own daemon threads,
 * after the operation that caused the event answered). Read them with
 * {@link LogtoEmulator#webhookDeliveries()}; they show up in the hook's recent logs too.
 * {@link #toString()} leaves out the payload and the signature.
 *
 * @param hookId the hook's id
 * @param event the event, e.g. {@code User.Created}
 * @param url where it was posted
 * @param payload the JSON body exactly as sent
 * @param signature the {@code logto-signature-sha-256} header sent: the hex HMAC-SHA256 of the body,
 *     keyed with the hook's signing key
 * @param responseStatus the endpoint's HTTP status, 0 when no response came (see {@code error})
 * @param responseBody the endpoint's response body as text, empty when none
 * @param error why no response came (connection refused, timeout...), empty when one came
 * @param sentAt when the request was sent, by the emulator's clock
 * @param duration how long the request took, by the machine's monotonic clock
 */
public record WebhookDelivery(
    String hookId, String event, URI url, String payload, String signature, int responseStatus,
    String responseBody, String error, Instant sentAt, Duration duration) {
  /**
   * Validates: no null component, a status of 0 or 100..599.
   *
   * @param hookId the hook's id
   * @param event the event, e.g. {@code User.Created}
   * @param url where it was posted
   * @param payload the JSON body exactly as sent
   * @param signature the {@code logto-signature-sha-256} header sent
   * @param responseStatus the endpoint's HTTP status, 0 when no response came
   * @param responseBody the endpoint's response body as text, empty when none
   * @param error why no response came, empty when one came
   * @param sentAt when the request was sent, by the emulator's clock
   * @param duration how long the request took
   */
  public WebhookDelivery {
    Objects.requireNonNull(hookId, "hookId == null");
    Objects.requireNonNull(event, "event == null");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(payload, "payload == null");
    Objects.requireNonNull(signature, "signature == null");
    Objects.requireNonNull(responseBody, "responseBody == null");
    Objects.requireNonNull(error, "error == null");
    Objects.requireNonNull(sentAt, "sentAt == null");
    Objects.requireNonNull(duration, "duration == null");
    if (responseStatus != 0 && (responseStatus < 100 || responseStatus > 599)) {
      throw new IllegalArgumentException("responseStatus not 0 or 100..599: " + responseStatus);
    }
  }

  /** {@return whether the endpoint answered 2xx (what Logto logs as a success)} */
  public boolean succeeded() {
    return responseStatus >= 200 && responseStatus < 300;
  }

  @Override
  public String toString() {
    return "WebhookDelivery[hookId=" + hookId + ", event=" + event + ", url=" + url + ", responseStatus="
        + responseStatus + (error.isEmpty() ? "" : ", error=" + error) + ", sentAt=" + sentAt + "]";
  }
}

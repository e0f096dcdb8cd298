package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The {@code Message.RateLimited} webhook event: Logto refused to send a verification code because the recipient got too many.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param action the limited action, such as {@code VerificationCodeSend}
 * @param recipient the e-mail address or phone number the code was for
 * @param json the whole payload as received
 */
public record MessageRateLimited(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    String action,
    String recipient,
    JsonNode json)
    implements ExceptionHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Message.RateLimited";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

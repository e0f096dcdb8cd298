package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The {@code Identifier.Lockout} webhook event: an identifier was locked out of verification after too many failed attempts in the sign-in experience.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param identifierType the identifier's kind ({@code username}, {@code email}, {@code phone}, {@code userId}, ...)
 * @param identifierValue the identifier, such as the e-mail address
 * @param json the whole payload as received
 */
public record IdentifierLockout(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    String identifierType,
    String identifierValue,
    JsonNode json)
    implements ExceptionHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Identifier.Lockout";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

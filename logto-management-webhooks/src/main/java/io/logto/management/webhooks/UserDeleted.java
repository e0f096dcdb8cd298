package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.User;
import java.time.Instant;

/**
 * The {@code User.Deleted} webhook event: a user was deleted through the API.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param data the user as it was before the deletion (its public fields)
 * @param json the whole payload as received
 */
public record UserDeleted(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    User data,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "User.Deleted";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

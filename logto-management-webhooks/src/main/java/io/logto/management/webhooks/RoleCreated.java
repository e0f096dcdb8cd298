package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.Role;
import java.time.Instant;

/**
 * The {@code Role.Created} webhook event: a role was created through the API.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param data the created role
 * @param json the whole payload as received
 */
public record RoleCreated(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    Role data,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Role.Created";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

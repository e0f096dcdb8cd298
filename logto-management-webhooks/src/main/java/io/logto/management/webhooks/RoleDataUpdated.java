package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.Role;
import java.time.Instant;

/**
 * The {@code Role.Data.Updated} webhook event: a role's name, description or default flag changed through the API.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param data the role after the change
 * @param json the whole payload as received
 */
public record RoleDataUpdated(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    Role data,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Role.Data.Updated";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Role.Deleted} webhook event: a role was deleted through the API (the payload carries no data, only the call).
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param roleId the deleted role's id (the route's {@code id})
 * @param json the whole payload as received
 */
public record RoleDeleted(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    @Nullable String roleId,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Role.Deleted";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

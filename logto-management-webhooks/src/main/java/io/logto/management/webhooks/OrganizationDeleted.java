package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Organization.Deleted} webhook event: an organization was deleted through the API (no data, only the call).
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param organizationId the deleted organization's id (the route's {@code id})
 * @param json the whole payload as received
 */
public record OrganizationDeleted(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    @Nullable String organizationId,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Organization.Deleted";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

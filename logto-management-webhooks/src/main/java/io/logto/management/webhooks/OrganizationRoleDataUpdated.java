package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.OrganizationRole;
import java.time.Instant;

/**
 * The {@code OrganizationRole.Data.Updated} webhook event: an organization role's data changed through the API.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param data the organization role after the change
 * @param json the whole payload as received
 */
public record OrganizationRoleDataUpdated(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    OrganizationRole data,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "OrganizationRole.Data.Updated";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

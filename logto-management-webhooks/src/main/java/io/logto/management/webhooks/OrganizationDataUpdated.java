package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.Organization;
import java.time.Instant;

/**
 * The {@code Organization.Data.Updated} webhook event: an organization's data changed through the API.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param data the organization after the change
 * @param json the whole payload as received
 */
public record OrganizationDataUpdated(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    Organization data,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Organization.Data.Updated";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

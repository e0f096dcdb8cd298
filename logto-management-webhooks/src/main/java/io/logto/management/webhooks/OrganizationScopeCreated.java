package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.OrganizationScope;
import java.time.Instant;

/**
 * The {@code OrganizationScope.Created} webhook event: an organization scope was created through the API.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param data the created organization scope
 * @param json the whole payload as received
 */
public record OrganizationScopeCreated(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    OrganizationScope data,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "OrganizationScope.Created";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

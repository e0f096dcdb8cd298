package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The {@code OrganizationRole.Scopes.Updated} webhook event: an organization role's organization scopes changed through the API (also when a role is created with scopes).
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param organizationRoleId the role's id (the payload's {@code organizationRoleId}, or the route's {@code id})
 * @param json the whole payload as received
 */
public record OrganizationRoleScopesUpdated(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    @Nullable String organizationRoleId,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "OrganizationRole.Scopes.Updated";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

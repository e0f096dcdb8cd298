package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The {@code Organization.Membership.Updated} webhook event: users or applications joined or left an organization: through the API, an accepted invitation, or just-in-time provisioning at sign-in.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param organizationId the organization's id
 * @param addedUserIds ids of users who joined (empty when none or not reported; Logto sends at most 5000)
 * @param removedUserIds ids of users who left (empty when none or not reported; at most 5000)
 * @param addedApplicationIds ids of applications added (empty when none; at most 5000)
 * @param removedApplicationIds ids of applications removed (empty when none; at most 5000)
 * @param json the whole payload as received
 */
public record OrganizationMembershipUpdated(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    String organizationId,
    List<String> addedUserIds,
    List<String> removedUserIds,
    List<String> addedApplicationIds,
    List<String> removedApplicationIds,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Organization.Membership.Updated";

  /**
   * Keeps the lists read-only.
   *
   * @param createdAt when Logto built the payload
   * @param hookId the id of the hook the delivery was made for
   * @param origin the request that caused the event
   * @param organizationId the organization's id
   * @param addedUserIds ids of users who joined (empty when none or not reported; Logto sends at most 5000)
   * @param removedUserIds ids of users who left (empty when none or not reported; at most 5000)
   * @param addedApplicationIds ids of applications added (empty when none; at most 5000)
   * @param removedApplicationIds ids of applications removed (empty when none; at most 5000)
   * @param json the whole payload as received
   */
  public OrganizationMembershipUpdated {
    addedUserIds = List.copyOf(addedUserIds);
    removedUserIds = List.copyOf(removedUserIds);
    addedApplicationIds = List.copyOf(addedApplicationIds);
    removedApplicationIds = List.copyOf(removedApplicationIds);
  }

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

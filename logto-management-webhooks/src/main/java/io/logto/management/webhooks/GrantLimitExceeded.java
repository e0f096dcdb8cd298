package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Grant.LimitExceeded} webhook event: Logto revoked a user's oldest grants of an application because it allows fewer active grants.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param userId the user whose grants were revoked
 * @param applicationId the application's id; null for a client registered by metadata document (CIMD)
 * @param cimdClientId the CIMD client identifier URL, set instead of the application id
 * @param revokedGrantIds the ids of the revoked grants
 * @param maxAllowedGrants the number of active grants the application allows
 * @param preRevocationActiveGrantCount how many grants were active before the revocation
 * @param json the whole payload as received
 */
public record GrantLimitExceeded(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    String userId,
    @Nullable String applicationId,
    @Nullable String cimdClientId,
    List<String> revokedGrantIds,
    int maxAllowedGrants,
    int preRevocationActiveGrantCount,
    JsonNode json)
    implements ExceptionHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Grant.LimitExceeded";

  /**
   * Keeps the lists read-only.
   *
   * @param createdAt when Logto built the payload
   * @param hookId the id of the hook the delivery was made for
   * @param origin the request that caused the event
   * @param userId the user whose grants were revoked
   * @param applicationId the application's id; null for a client registered by metadata document (CIMD)
   * @param cimdClientId the CIMD client identifier URL, set instead of the application id
   * @param revokedGrantIds the ids of the revoked grants
   * @param maxAllowedGrants the number of active grants the application allows
   * @param preRevocationActiveGrantCount how many grants were active before the revocation
   * @param json the whole payload as received
   */
  public GrantLimitExceeded {
    revokedGrantIds = List.copyOf(revokedGrantIds);
  }

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

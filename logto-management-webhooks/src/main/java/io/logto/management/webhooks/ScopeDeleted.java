package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Scope.Deleted} webhook event: a scope was deleted from an API resource through the API (no data, only the call).
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param resourceId the API resource's id (the route's {@code resourceId})
 * @param scopeId the deleted scope's id (the route's {@code scopeId})
 * @param json the whole payload as received
 */
public record ScopeDeleted(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    @Nullable String resourceId,
    @Nullable String scopeId,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Scope.Deleted";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

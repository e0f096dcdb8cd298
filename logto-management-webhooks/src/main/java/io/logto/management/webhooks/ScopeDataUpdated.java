package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.Scope;
import java.time.Instant;

/**
 * The {@code Scope.Data.Updated} webhook event: a scope's name or description changed through the API.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param data the scope after the change
 * @param json the whole payload as received
 */
public record ScopeDataUpdated(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    Scope data,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Scope.Data.Updated";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

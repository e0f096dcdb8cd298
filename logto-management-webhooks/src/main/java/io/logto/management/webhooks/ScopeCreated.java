package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.Scope;
import java.time.Instant;

/**
 * The {@code Scope.Created} webhook event: a scope (permission) was added to an API resource through the API.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param data the created scope
 * @param json the whole payload as received
 */
public record ScopeCreated(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    Scope data,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Scope.Created";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

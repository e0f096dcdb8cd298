package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.Scope;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Role.Scopes.Updated} webhook event: scopes were assigned to a role or removed from it through the API.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param roleId the role's id (the route's {@code id})
 * @param addedScopes the scopes just assigned ({@code POST /roles/:id/scopes}); empty for a removal
 * @param removedScopeId the scope just removed ({@code DELETE /roles/:id/scopes/:scopeId}); null for an assignment
 * @param json the whole payload as received
 */
public record RoleScopesUpdated(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    @Nullable String roleId,
    List<Scope> addedScopes,
    @Nullable String removedScopeId,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "Role.Scopes.Updated";

  /**
   * Keeps the lists read-only.
   *
   * @param createdAt when Logto built the payload
   * @param hookId the id of the hook the delivery was made for
   * @param origin the request that caused the event
   * @param roleId the role's id (the route's {@code id})
   * @param addedScopes the scopes just assigned ({@code POST /roles/:id/scopes}); empty for a removal
   * @param removedScopeId the scope just removed ({@code DELETE /roles/:id/scopes/:scopeId}); null for an assignment
   * @param json the whole payload as received
   */
  public RoleScopesUpdated {
    addedScopes = List.copyOf(addedScopes);
  }

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

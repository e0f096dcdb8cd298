package io.logto.management.webhooks;

/**
 * An event Logto sends after it changed data: a Management API call that succeeded (the call is in
 * {@link EventOrigin#apiCall()}) or a sign-in experience step that created or updated a user or a
 * membership (then {@link EventOrigin#interactionEvent()} and {@link EventOrigin#sessionId()} say which).
 */
public sealed interface DataHookEvent extends WebhookEvent
    permits UserCreated, UserDeleted, UserDataUpdated, UserSuspensionUpdated,
        RoleCreated, RoleDeleted, RoleDataUpdated, RoleScopesUpdated,
        ScopeCreated, ScopeDeleted, ScopeDataUpdated,
        OrganizationCreated, OrganizationDeleted, OrganizationDataUpdated, OrganizationMembershipUpdated,
        OrganizationRoleCreated, OrganizationRoleDeleted, OrganizationRoleDataUpdated, OrganizationRoleScopesUpdated,
        OrganizationScopeCreated, OrganizationScopeDeleted, OrganizationScopeDataUpdated {
  /**
   * The request that caused the event.
   *
   * @return the origin, never null (its parts are null when the payload does not carry them)
   */
  EventOrigin origin();
}

package io.logto.management.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Logto's foreign keys remove with an entity, applied to the {@link Store}'s tables: every delete
 * of a user, organization, application, role, resource, scope or connector goes through here so the
 * rows and relations that hang on it go too.
 */
final class Cascades {
  private final Store store;

  Cascades(Store store) {
    this.store = store;
  }

  /** Deletes a user with its memberships, roles, identities, tokens, MFA factors and consents. */
  void deleteUser(String userId) {
    store.users.remove(userId);
    store.passwords.remove(userId);
    store.userRoles.remove(userId);
    for (String orgId : new ArrayList<>(store.orgUsers.keySet())) {
      removeMember(orgId, userId);
    }
    store.accounts.forget(userId);
    store.consents.forgetUser(userId);
    // invitations sent or accepted by the user, and subject tokens issued for the user
    store.invitations.values().removeIf(invitation -> userId.equals(invitation.path("inviterId").textValue())
        || userId.equals(invitation.path("acceptedUserId").textValue()));
    store.subjectTokens.values().removeIf(token -> userId.equals(token.path("userId").textValue()));
  }

  /** Removes a member and the organization roles and consents that hang on the membership. */
  boolean removeMember(String orgId, String userId) {
    boolean removed = store.orgUsers.getOrDefault(orgId, new LinkedHashSet<>()).remove(userId);
    Map<String, Set<String>> roles = store.orgUserRoles.get(orgId);
    if (roles != null) {
      roles.remove(userId);
    }
    store.consents.forgetMembership(orgId, userId);
    return removed;
  }

  /** Deletes an organization with its members, applications, their roles and its JIT rules. */
  void deleteOrganization(String orgId) {
    store.organizations.remove(orgId);
    store.orgUsers.remove(orgId);
    store.orgUserRoles.remove(orgId);
    store.orgApps.remove(orgId);
    store.orgAppRoles.remove(orgId);
    store.jit.forgetOrganization(orgId);
    store.consents.forgetOrganization(orgId);
    store.invitations.values().removeIf(invitation -> orgId.equals(invitation.path("organizationId").textValue()));
  }

  /** Removes an application from an organization with the organization roles it held there. */
  boolean removeOrganizationApplication(String orgId, String appId) {
    boolean removed = store.orgApps.getOrDefault(orgId, new LinkedHashSet<>()).remove(appId);
    Map<String, Set<String>> roles = store.orgAppRoles.get(orgId);
    if (roles != null) {
      roles.remove(appId);
    }
    return removed;
  }

  /** Deletes an application with its secrets, roles, organization memberships and consent settings. */
  void deleteApplication(String appId) {
    store.applications.remove(appId);
    store.secrets.remove(appId);
    store.appRoles.remove(appId);
    for (String orgId : new ArrayList<>(store.orgApps.keySet())) {
      removeOrganizationApplication(orgId, appId);
    }
    store.consents.forgetApplication(appId);
    // a SAML application's config and certificates (emu2b)
    store.samlConfigs.remove(appId);
    store.samlSecrets.removeOwner(appId);
  }

  /**
   * Deletes an organization role from every member, application, JIT rule, invitation and access
   * control rule holding it.
   */
  void deleteOrganizationRole(String roleId) {
    store.orgRoles.remove(roleId);
    store.orgRoleScopes.remove(roleId);
    store.orgRoleResourceScopes.remove(roleId);
    store.orgUserRoles.values().forEach(byUser -> byUser.values().forEach(roles -> roles.remove(roleId)));
    store.orgAppRoles.values().forEach(byApp -> byApp.values().forEach(roles -> roles.remove(roleId)));
    store.jit.forgetRole(roleId);
    store.invitations.values().forEach(invitation -> invitation.withArray("organizationRoleIds")
        .removeIf(id -> id.asText().equals(roleId)));
    store.consents.forgetOrganizationRole(roleId);
  }

  /** Deletes a role from its users and applications and from access control rules. */
  void deleteRole(String roleId) {
    store.roles.remove(roleId);
    store.roleScopes.remove(roleId);
    store.userRoles.values().forEach(held -> held.remove(roleId));
    store.appRoles.values().forEach(held -> held.remove(roleId));
    store.consents.forgetRole(roleId);
  }

  /** Deletes a resource and its scopes (with what refers to them). */
  void deleteResource(String resourceId) {
    store.resources.remove(resourceId);
    store.scopes.values().stream().filter(scope -> scope.get("resourceId").asText().equals(resourceId))
        .map(scope -> scope.get("id").asText()).toList().forEach(this::deleteScope);
  }

  /**
   * Deletes a connector: its channel sends nothing any more, and the sign-in experience drops the social
   * targets no connector offers after it.
   */
  void deleteConnector(String connectorId) {
    boolean social = store.connectors.factoryOf(store.connectors.connector(connectorId)).channel() == null;
    store.connectors.remove(connectorId);
    store.outbox.connectorRemoved(connectorId);
    if (social) {
      Set<String> offered = store.connectors.socialTargets();
      List<String> kept = new ArrayList<>();
      store.experience.signInExperience.path("socialSignInConnectorTargets").forEach(target -> {
        if (offered.contains(target.asText())) {
          kept.add(target.asText());
        }
      });
      store.experience.signInExperience.set("socialSignInConnectorTargets", Json.strings(kept));
    }
  }

  /** Deletes an SSO connector, its signing keys and the organizations' just-in-time links to it. */
  void deleteSsoConnector(String connectorId) {
    store.ssoConnectors.remove(connectorId);
    store.jit.forgetSsoConnector(connectorId);
    store.ssoSigningKeys.removeOwner(connectorId);
  }

  /** Deletes a resource scope from the roles, organization roles and consent requests holding it. */
  void deleteScope(String scopeId) {
    store.scopes.remove(scopeId);
    store.roleScopes.values().forEach(held -> held.remove(scopeId));
    store.orgRoleResourceScopes.values().forEach(held -> held.remove(scopeId));
    store.consents.forgetScope(scopeId);
  }

  /** Deletes an organization scope from the organization roles and consent requests holding it. */
  void deleteOrganizationScope(String scopeId) {
    store.orgScopes.remove(scopeId);
    store.orgRoleScopes.values().forEach(held -> held.remove(scopeId));
    store.consents.forgetScope(scopeId);
  }
}

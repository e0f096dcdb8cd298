package io.logto.management.webhooks;

import io.logto.management.model.Organization;
import io.logto.management.model.OrganizationRole;
import io.logto.management.model.OrganizationScope;
import io.logto.management.model.Role;
import io.logto.management.model.Scope;
import io.logto.management.model.User;
import io.logto.management.model.UserProfile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which record each event name of Logto 1.42 decodes to, and from which payload fields. The fields follow
 * Logto's source: {@code packages/schemas/src/foundations/jsonb-types/hooks.ts} (the events, and which
 * Management API route emits which), {@code packages/core/src/libraries/hook/} (the payload of each
 * family) and the routes that append their own context (user deletion, organization membership,
 * organization role scopes, the exception events).
 */
final class EventCatalog {
  /** Builds one event from a payload whose common fields are known to be present. */
  @FunctionalInterface
  interface Factory {
    WebhookEvent create(Payload p) throws Payload.PayloadException;
  }

  private static final Map<String, Factory> FACTORIES = factories();

  private EventCatalog() {}

  /** The factory of an event this version knows, or null. */
  static @Nullable Factory factory(String event) {
    return FACTORIES.get(event);
  }

  static Set<String> events() {
    return FACTORIES.keySet();
  }

  private static Map<String, Factory> factories() {
    Map<String, Factory> f = new LinkedHashMap<>();
    f.put(PostRegister.EVENT, p -> new PostRegister(p.createdAt(), p.hookId(), p.origin(),
        p.text("userId"), p.bound("user", User.class), p.json()));
    f.put(PostSignIn.EVENT, p -> new PostSignIn(p.createdAt(), p.hookId(), p.origin(),
        p.text("userId"), p.bound("user", User.class), p.json()));
    f.put(PostResetPassword.EVENT, p -> new PostResetPassword(p.createdAt(), p.hookId(), p.origin(),
        p.text("userId"), p.bound("user", User.class), p.json()));
    f.put(PostSignInAdaptiveMfaTriggered.EVENT, p -> new PostSignInAdaptiveMfaTriggered(p.createdAt(),
        p.hookId(), p.origin(), p.text("userId"), p.bound("user", User.class), p.node("adaptiveMfaResult"),
        p.json()));

    f.put(UserCreated.EVENT, p -> new UserCreated(p.createdAt(), p.hookId(), p.origin(),
        p.requiredBound("data", User.class), p.json()));
    f.put(UserDeleted.EVENT, p -> new UserDeleted(p.createdAt(), p.hookId(), p.origin(),
        p.requiredBound("data", User.class), p.json()));
    f.put(UserDataUpdated.EVENT, EventCatalog::userDataUpdated);
    f.put(UserSuspensionUpdated.EVENT, p -> new UserSuspensionUpdated(p.createdAt(), p.hookId(), p.origin(),
        p.requiredBound("data", User.class), p.json()));

    f.put(RoleCreated.EVENT, p -> new RoleCreated(p.createdAt(), p.hookId(), p.origin(),
        p.requiredBound("data", Role.class), p.json()));
    f.put(RoleDeleted.EVENT, p -> new RoleDeleted(p.createdAt(), p.hookId(), p.origin(), p.param("id"), p.json()));
    f.put(RoleDataUpdated.EVENT, p -> new RoleDataUpdated(p.createdAt(), p.hookId(), p.origin(),
        p.requiredBound("data", Role.class), p.json()));
    f.put(RoleScopesUpdated.EVENT, p -> new RoleScopesUpdated(p.createdAt(), p.hookId(), p.origin(),
        p.param("id"), p.boundList("data", Scope.class), p.param("scopeId"), p.json()));

    f.put(ScopeCreated.EVENT, p -> new ScopeCreated(p.createdAt(), p.hookId(), p.origin(),
        p.requiredBound("data", Scope.class), p.json()));
    f.put(ScopeDeleted.EVENT, p -> new ScopeDeleted(p.createdAt(), p.hookId(), p.origin(),
        p.param("resourceId"), p.param("scopeId"), p.json()));
    f.put(ScopeDataUpdated.EVENT, p -> new ScopeDataUpdated(p.createdAt(), p.hookId(), p.origin(),
        p.requiredBound("data", Scope.class), p.json()));

    f.put(OrganizationCreated.EVENT, p -> new OrganizationCreated(p.createdAt(), p.hookId(), p.origin(),
        p.requiredBound("data", Organization.class), p.json()));
    f.put(OrganizationDeleted.EVENT, p -> new OrganizationDeleted(p.createdAt(), p.hookId(), p.origin(),
        p.param("id"), p.json()));
    f.put(OrganizationDataUpdated.EVENT, p -> new OrganizationDataUpdated(p.createdAt(), p.hookId(), p.origin(),
        p.requiredBound("data", Organization.class), p.json()));
    f.put(OrganizationMembershipUpdated.EVENT, p -> new OrganizationMembershipUpdated(p.createdAt(), p.hookId(),
        p.origin(), p.requiredText("organizationId"), p.texts("addedUserIds"), p.texts("removedUserIds"),
        p.texts("addedApplicationIds"), p.texts("removedApplicationIds"), p.json()));

    f.put(OrganizationRoleCreated.EVENT, p -> new OrganizationRoleCreated(p.createdAt(), p.hookId(), p.origin(),
        p.requiredBound("data", OrganizationRole.class), p.json()));
    f.put(OrganizationRoleDeleted.EVENT, p -> new OrganizationRoleDeleted(p.createdAt(), p.hookId(), p.origin(),
        p.param("id"), p.json()));
    f.put(OrganizationRoleDataUpdated.EVENT, p -> new OrganizationRoleDataUpdated(p.createdAt(), p.hookId(),
        p.origin(), p.requiredBound("data", OrganizationRole.class), p.json()));
    f.put(OrganizationRoleScopesUpdated.EVENT, p -> {
      // POST /organization-roles with scope ids names the role in the payload; the scope routes in the path
      String roleId = p.text("organizationRoleId");
      return new OrganizationRoleScopesUpdated(p.createdAt(), p.hookId(), p.origin(),
          roleId != null ? roleId : p.param("id"), p.json());
    });

    f.put(OrganizationScopeCreated.EVENT, p -> new OrganizationScopeCreated(p.createdAt(), p.hookId(),
        p.origin(), p.requiredBound("data", OrganizationScope.class), p.json()));
    f.put(OrganizationScopeDeleted.EVENT, p -> new OrganizationScopeDeleted(p.createdAt(), p.hookId(),
        p.origin(), p.param("id"), p.json()));
    f.put(OrganizationScopeDataUpdated.EVENT, p -> new OrganizationScopeDataUpdated(p.createdAt(), p.hookId(),
        p.origin(), p.requiredBound("data", OrganizationScope.class), p.json()));

    f.put(IdentifierLockout.EVENT, p -> new IdentifierLockout(p.createdAt(), p.hookId(), p.origin(),
        p.requiredText("type"), p.requiredText("value"), p.json()));
    f.put(MessageRateLimited.EVENT, p -> new MessageRateLimited(p.createdAt(), p.hookId(), p.origin(),
        p.requiredText("action"), p.requiredText("recipient"), p.json()));
    f.put(GrantLimitExceeded.EVENT, p -> new GrantLimitExceeded(p.createdAt(), p.hookId(), p.origin(),
        p.requiredText("userId"), p.text("applicationId"), p.text("cimdClientId"), p.texts("revokedGrantIds"),
        p.requiredInt("maxAllowedGrants"), p.requiredInt("preRevocationActiveGrantCount"), p.json()));
    return Collections.unmodifiableMap(f);
  }

  /**
   * {@code User.Data.Updated} carries the API's answer as {@code data}: the user for most routes, but the
   * new custom data for {@code PATCH /users/:userId/custom-data} and the new profile for
   * {@code PATCH /users/:userId/profile}.
   */
  private static WebhookEvent userDataUpdated(Payload p) throws Payload.PayloadException {
    String route = p.text("matchedRoute");
    String userId = p.param("userId");
    if ("/users/:userId/custom-data".equals(route)) {
      return new UserDataUpdated(p.createdAt(), p.hookId(), p.origin(), userId, null, null, p.node("data"),
          p.json());
    }
    if ("/users/:userId/profile".equals(route)) {
      return new UserDataUpdated(p.createdAt(), p.hookId(), p.origin(), userId, null,
          p.bound("data", UserProfile.class), null, p.json());
    }
    User user = p.requiredBound("data", User.class);
    return new UserDataUpdated(p.createdAt(), p.hookId(), p.origin(), userId != null ? userId : user.id(), user,
        null, null, p.json());
  }
}

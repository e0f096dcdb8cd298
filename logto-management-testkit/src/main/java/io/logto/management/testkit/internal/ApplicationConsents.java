package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Per-application settings of third-party apps and access control: the scopes users are asked to
 * consent to (by kind), the organizations each user consented to, the app's own sign-in experience and
 * its access control rules. Owned by the {@link Store}, which forgets entries of deleted entities.
 */
final class ApplicationConsents {
  /** The four kinds of consent scopes, by their path name in {@code /user-consent-scopes/{scopeType}}. */
  static final String ORGANIZATION_SCOPES = "organization-scopes";
  static final String RESOURCE_SCOPES = "resource-scopes";
  static final String ORGANIZATION_RESOURCE_SCOPES = "organization-resource-scopes";
  static final String USER_SCOPES = "user-scopes";

  /** Kind to application id to scope ids (user scopes: names). */
  private final Map<String, Map<String, Set<String>>> scopes = new HashMap<>();
  /** Application id to user id to organization ids. */
  private final Map<String, Map<String, Set<String>>> organizations = new HashMap<>();
  final Map<String, ObjectNode> signInExperiences = new HashMap<>();
  final Map<String, ObjectNode> accessControl = new HashMap<>();

  Set<String> scopes(String kind, String applicationId) {
    return scopes.computeIfAbsent(kind, k -> new HashMap<>())
        .computeIfAbsent(applicationId, k -> new LinkedHashSet<>());
  }

  Set<String> organizations(String applicationId, String userId) {
    return organizations.computeIfAbsent(applicationId, k -> new HashMap<>())
        .computeIfAbsent(userId, k -> new LinkedHashSet<>());
  }

  void forgetApplication(String applicationId) {
    scopes.values().forEach(byApp -> byApp.remove(applicationId));
    organizations.remove(applicationId);
    signInExperiences.remove(applicationId);
    accessControl.remove(applicationId);
  }

  void forgetUser(String userId) {
    organizations.values().forEach(byUser -> byUser.remove(userId));
    accessControl.values().forEach(rules -> removeText(rules.withArray("userIds"), userId));
  }

  /** A user who leaves an organization withdraws the consents given for it. */
  void forgetMembership(String organizationId, String userId) {
    for (Map<String, Set<String>> byUser : organizations.values()) {
      Set<String> consented = byUser.get(userId);
      if (consented != null) {
        consented.remove(organizationId);
      }
    }
  }

  void forgetOrganization(String organizationId) {
    organizations.values().forEach(byUser -> byUser.values().forEach(ids -> ids.remove(organizationId)));
    for (ObjectNode rules : accessControl.values()) {
      removeText(rules.withArray("organizationIds"), organizationId);
      rules.withArray("organizationRoleRules")
          .removeIf(rule -> rule.get("organizationId").asText().equals(organizationId));
    }
  }

  /** A deleted resource or organization scope leaves every consent request (ids are unique across kinds). */
  void forgetScope(String scopeId) {
    scopes.forEach((kind, byApp) -> {
      if (!kind.equals(USER_SCOPES)) {
        byApp.values().forEach(ids -> ids.remove(scopeId));
      }
    });
  }

  /** A deleted user role leaves the access control rules. */
  void forgetRole(String roleId) {
    accessControl.values().forEach(rules -> removeText(rules.withArray("userRoleIds"), roleId));
  }

  /** A deleted organization role leaves the access control rules; a rule left without roles goes. */
  void forgetOrganizationRole(String organizationRoleId) {
    for (ObjectNode rules : accessControl.values()) {
      ArrayNode ruleArray = rules.withArray("organizationRoleRules");
      ruleArray.forEach(rule -> removeText(rule.withArray("organizationRoleIds"), organizationRoleId));
      ruleArray.removeIf(rule -> rule.path("organizationRoleIds").isEmpty());
    }
  }

  private static void removeText(ArrayNode array, String value) {
    array.removeIf(element -> element.asText().equals(value));
  }
}

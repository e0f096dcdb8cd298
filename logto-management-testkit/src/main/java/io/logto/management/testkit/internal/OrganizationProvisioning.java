package io.logto.management.testkit.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An organization's just-in-time provisioning: the e-mail domains and enterprise SSO connectors whose
 * users join it on sign-up, and the organization roles they get. Owned by the {@link Store}.
 */
final class OrganizationProvisioning {
  private final Map<String, Set<String>> emailDomains = new HashMap<>();
  private final Map<String, Set<String>> roles = new HashMap<>();
  private final Map<String, Set<String>> ssoConnectors = new HashMap<>();

  Set<String> emailDomains(String organizationId) {
    return emailDomains.computeIfAbsent(organizationId, k -> new LinkedHashSet<>());
  }

  Set<String> roles(String organizationId) {
    return roles.computeIfAbsent(organizationId, k -> new LinkedHashSet<>());
  }

  Set<String> ssoConnectors(String organizationId) {
    return ssoConnectors.computeIfAbsent(organizationId, k -> new LinkedHashSet<>());
  }

  void forgetOrganization(String organizationId) {
    emailDomains.remove(organizationId);
    roles.remove(organizationId);
    ssoConnectors.remove(organizationId);
  }

  void forgetRole(String organizationRoleId) {
    roles.values().forEach(set -> set.remove(organizationRoleId));
  }

  void forgetSsoConnector(String ssoConnectorId) {
    ssoConnectors.values().forEach(set -> set.remove(ssoConnectorId));
  }
}

package io.logto.management.testkit.internal;

import java.util.Map;

/**
 * The tenant-wide permission ceiling of OAuth Client ID Metadata Document (CIMD) clients: the same
 * consent scopes a third-party application has, held once for every CIMD client (Logto keeps them
 * apart from any application), so list, assign and delete reuse {@link ApplicationConsentRoutes}.
 */
final class CimdConsentRoutes {
  // the consent owner under which the ceiling is kept (no application id has this form)
  static final String OWNER = "cimd:tenant-ceiling";

  private final ApplicationConsentRoutes consents;

  CimdConsentRoutes(ApplicationConsentRoutes consents) {
    this.consents = consents;
  }

  void register(Declarations handlers) {
    handlers.declare("ListCimdUserConsentScopes", call -> Reply.ok(consents.consentScopes(OWNER)));
    handlers.declare("AssignCimdUserConsentScopes", call -> consents.assignScopes(call, () -> OWNER));
    handlers.declare("DeleteCimdUserConsentScope", call -> consents.deleteScope(call, () -> OWNER));
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Tenant configuration: admin console flags, OIDC session TTL, ID token claims, the CIMD switch, the
 * OIDC signing and cookie keys, and the system application config (which Logto OSS refuses).
 */
final class ConfigRoutes {
  private static final long DEFAULT_SESSION_TTL_SECONDS = 14 * 24 * 3600;
  private static final List<String> EXTENDED_CLAIMS = List.of("custom_data", "identities", "sso_identities", "roles",
      "organizations", "organization_data", "organization_roles");

  private final ConfigState configs;

  ConfigRoutes(Store store) {
    this.configs = store.configs;
  }

  void register(Declarations handlers) {
    handlers.declare("GetAdminConsoleConfig", call -> Reply.ok(configs.adminConsole));
    handlers.declare("UpdateAdminConsoleConfig", this::updateAdminConsole);
    handlers.declare("GetOidcSessionConfig", call -> Reply.ok(session()));
    handlers.declare("UpdateOidcSessionConfig", call -> {
      Guard guard = call.guard();
      guard.number("ttl", false);
      guard.check();
      configs.oidcSession = Json.merge(configs.oidcSession, Json.pick(guard.raw(), List.of("ttl")));
      return Reply.ok(session());
    });
    handlers.declare("GetIdTokenConfig", call -> Reply.ok(configs.idToken));
    handlers.declare("UpsertIdTokenConfig", call -> {
      Guard guard = call.guard();
      // an empty list is allowed here (it turns every extended claim off)
      JsonNode claims = guard.raw().get("enabledExtendedClaims");
      if (claims == null || !claims.isArray() || !claims.isEmpty()) {
        guard.enumSet("enabledExtendedClaims", EXTENDED_CLAIMS, false);
      }
      guard.check();
      configs.idToken = Json.pick(guard.raw(), List.of("enabledExtendedClaims"));
      return Reply.ok(configs.idToken);
    });
    handlers.declare("GetCimdConfig", call -> Reply.ok(configs.cimd));
    handlers.declare("UpdateCimdConfig", call -> {
      Guard guard = call.guard();
      guard.bool("enabled", false);
      guard.check();
      configs.cimd = Json.merge(configs.cimd, Json.pick(guard.raw(), List.of("enabled")));
      return Reply.ok(configs.cimd);
    });
    handlers.declare("GetOidcKeys", call -> Reply.ok(configs.oidcKeys.list(keyType(call))));
    handlers.declare("RotateOidcKeys", call -> {
      String keyType = keyType(call);
      Guard guard = call.guard();
      String algorithm = guard.oneOf("signingKeyAlgorithm", OidcKeys.ALGORITHMS, false);
      Long grace = guard.number("rotationGracePeriod", false);
      guard.check();
      configs.oidcKeys.rotate(keyType, algorithm, grace == null ? 0 : Math.max(0, grace));
      return Reply.ok(configs.oidcKeys.list(keyType));
    });
    handlers.declare("DeleteOidcKey", call -> {
      configs.oidcKeys.delete(keyType(call), call.param("keyId"));
      return Reply.empty(204);
    });
    // Systems: Logto OSS has no protected-app provider, so this is its own answer, not an emulator gap
    handlers.declare("GetSystemApplicationConfig", call -> {
      throw ApiError.of(501, "application.protected_app_not_configured",
          "Protected app provider is not configured. This feature is not available for open source version.");
    });
  }

  private Reply updateAdminConsole(Call call) {
    Guard guard = call.guard();
    guard.bool("signInExperienceCustomized", false);
    guard.bool("organizationCreated", false);
    ObjectNode migration = guard.object("developmentTenantMigrationNotification", false);
    if (migration != null) {
      Guard inner = guard.within("developmentTenantMigrationNotification", migration);
      inner.bool("isPaidTenant", true);
      inner.string("tag", true);
      inner.number("readAt", false);
    }
    ObjectNode charges = guard.object("checkedChargeNotification", false);
    if (charges != null) {
      Guard inner = guard.within("checkedChargeNotification", charges);
      for (String flag : List.of("token", "apiResource", "machineToMachineApp", "tenantMember")) {
        inner.bool(flag, false);
      }
    }
    guard.check();
    configs.adminConsole = Json.merge(configs.adminConsole, Json.pick(guard.raw(), List.of("signInExperienceCustomized",
        "organizationCreated", "developmentTenantMigrationNotification", "checkedChargeNotification")));
    return Reply.ok(configs.adminConsole);
  }

  private ObjectNode session() {
    return Json.merge(Json.object().put("ttl", DEFAULT_SESSION_TTL_SECONDS), configs.oidcSession);
  }

  // an unknown key type is a 400 on the path parameter, not a 404
  static String keyType(Call call) {
    Guard guard = Guard.params(Json.object().put("keyType", call.param("keyType")));
    String keyType = guard.oneOf("keyType", OidcKeys.KEY_TYPES, true);
    guard.check();
    return keyType;
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * What Logto keeps in its {@code logto_configs} table, as a fresh Logto 1.42 has it: the admin console
 * flags, the OIDC session and ID token settings, the CIMD switch, stored scripts (JWT customizers and
 * custom actions, by config key) and the OIDC keys.
 */
final class ConfigState {
  ObjectNode adminConsole = Json.object().put("signInExperienceCustomized", false).put("organizationCreated", false);
  // Logto answers the default TTL (14 days, in seconds) until a session config is stored
  ObjectNode oidcSession = Json.object();
  ObjectNode idToken = Json.object().set("enabledExtendedClaims",
      Json.array().add("roles").add("organizations").add("organization_roles"));
  ObjectNode cimd = Json.object().put("enabled", false);
  /** JWT customizers ({@code jwt.accessToken}, ...) and actions ({@code action.postSignIn}, ...) by config key. */
  final Map<String, ObjectNode> scripts = new HashMap<>();
  final OidcKeys oidcKeys;

  ConfigState(Store store) {
    this.oidcKeys = new OidcKeys(store);
  }
}

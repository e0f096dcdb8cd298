package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's state. Entities are JSON trees in the shape Logto answers with (so responses match
 * the recordings field for field); relations are id sets. Maps keep insertion order, which is creation
 * order: lists sorted "newest first" iterate it backwards. Not thread-safe: the server serialises
 * handler calls on one lock.
 */
final class Store {
  static final String TENANT = "default";
  static final String MANAGEMENT_API_RESOURCE_ID = "management-api";
  static final String MANAGEMENT_SCOPE = "all";
  private static final String ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final String SECRET_ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  final String managementRoleId;

  final Map<String, ObjectNode> users = new LinkedHashMap<>();
  final Map<String, String> passwords = new HashMap<>();
  final Map<String, ObjectNode> roles = new LinkedHashMap<>();
  final Map<String, ObjectNode> resources = new LinkedHashMap<>();
  final Map<String, ObjectNode> scopes = new LinkedHashMap<>();
  final Map<String, ObjectNode> applications = new LinkedHashMap<>();
  final Map<String, List<ObjectNode>> secrets = new HashMap<>();
  final Map<String, ObjectNode> organizations = new LinkedHashMap<>();
  final Map<String, ObjectNode> orgRoles = new LinkedHashMap<>();
  final Map<String, ObjectNode> orgScopes = new LinkedHashMap<>();
  final Map<String, ObjectNode> hooks = new LinkedHashMap<>();

  // connectors, SSO connectors, custom domains, SAML applications (emu2b)
  final ConnectorState connectors = new ConnectorState(ConnectorFactory.builtIn());
  final Map<String, ObjectNode> ssoConnectors = new LinkedHashMap<>();
  final SigningKeys ssoSigningKeys = new SigningKeys(this);
  final DomainState domains = new DomainState();
  // the storage provider of user assets: none unless the test configures one
  final UserAssetStorage userAssets = new UserAssetStorage();
  // SAML config (attributeMapping, entityId, acsUrl, encryption, nameIdFormat) by application id
  final Map<String, ObjectNode> samlConfigs = new HashMap<>();
  final SigningKeys samlSecrets = new SigningKeys(this);

  final Map<String, Set<String>> roleScopes = new HashMap<>();
  final Map<String, Set<String>> userRoles = new HashMap<>();
  final Map<String, Set<String>> appRoles = new HashMap<>();
  final Map<String, Set<String>> orgRoleScopes = new HashMap<>();
  final Map<String, Set<String>> orgRoleResourceScopes = new HashMap<>();
  final Map<String, Set<String>> orgUsers = new HashMap<>();
  final Map<String, Set<String>> orgApps = new HashMap<>();
  final Map<String, Map<String, Set<String>>> orgUserRoles = new HashMap<>();

  // --- configuration area: sign-in experience and what end users see; tenant configs and keys ---
  final ExperienceState experience = new ExperienceState();
  final ConfigState configs;

  // ---- observables: messages sent through connectors, webhook deliveries (read by LogtoEmulator) ----
  final Outbox outbox = new Outbox();
  // Users, organizations, applications (part 1a): state beside the entity rows, and its cascades
  final UserAccounts accounts = new UserAccounts();
  /** Organization id to application id to organization role ids. */
  final Map<String, Map<String, Set<String>>> orgAppRoles = new HashMap<>();
  final OrganizationProvisioning jit = new OrganizationProvisioning();
  final ApplicationConsents consents = new ApplicationConsents();

  // ---- one-time tokens and organization invitations (by id) ----
  final Map<String, ObjectNode> oneTimeTokens = new LinkedHashMap<>();
  final Map<String, ObjectNode> invitations = new LinkedHashMap<>();
  // subject tokens issued for impersonation, by token
  final Map<String, ObjectNode> subjectTokens = new LinkedHashMap<>();

  // ---- audit logs (token exchanges, webhook deliveries) ----
  final AuditLog auditLog = new AuditLog(this::now, () -> id(21));

  // what Logto's foreign keys remove with an entity: deletes go through here
  final Cascades cascades = new Cascades(this);

  /** A store holding what a fresh Logto has: the Management API resource, its scope and access role. */
  public Store(Clock clock, String apiIndicator) {
    this.clock = clock;
    this.configs = new ConfigState(this);
    ObjectNode resource = Json.object();
    resource.put("tenantId", TENANT).put("id", MANAGEMENT_API_RESOURCE_ID).put("name", "Logto Management API")
        .put("indicator", apiIndicator).put("isDefault", false).put("accessTokenTtl", 3600);
    resources.put(MANAGEMENT_API_RESOURCE_ID, resource);
    ObjectNode all = newScope(MANAGEMENT_API_RESOURCE_ID, MANAGEMENT_SCOPE,
        "Default scope for Management API, allows all permissions.");
    ObjectNode role = newRole("Logto Management API access",
        "This default role grants access to the Logto management API.", "MachineToMachine", false);
    managementRoleId = role.get("id").asText();
    roleScopes.get(managementRoleId).add(all.get("id").asText());
  }

  long now() {
    return clock.millis();
  }

  /** A random id in Logto's alphabet (12 characters for users and organizations, 21 for the rest). */
  synchronized String id(int length) {
    return random(length, ID_ALPHABET);
  }

  synchronized String secret() {
    return random(32, SECRET_ALPHABET);
  }

  /** Random text of {@code length} characters from {@code alphabet} (TOTP secrets, backup codes). */
  synchronized String randomText(int length, String alphabet) {
    return random(length, alphabet);
  }

  private String random(int length, String alphabet) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
    }
    return new String(chars);
  }

  static Set<String> set(Map<String, Set<String>> relation, String key) {
    return relation.computeIfAbsent(key, k -> new LinkedHashSet<>());
  }

  static <T> List<T> newestFirst(Collection<T> items) {
    List<T> list = new ArrayList<>(items);
    Collections.reverse(list);
    return list;
  }

  /** The user, or 404 {@code entity.not_found} as Logto's {@code findUserById} ({@code pool.one}) answers. */
  ObjectNode user(String id) {
    ObjectNode user = users.get(id);
    if (user == null) {
      throw ApiError.notFound().missing("users", id);
    }
    return user;
  }

  /** A user as Logto answers it: the stored fields plus {@code hasPassword}. */
  ObjectNode userJson(ObjectNode user) {
    ObjectNode copy = user.deepCopy();
    copy.put("hasPassword", passwords.containsKey(user.get("id").asText()));
    return copy;
  }

  ObjectNode role(String id) {
    return existing(roles, "roles", id);
  }

  ObjectNode resource(String id) {
    return existing(resources, "resources", id);
  }

  ObjectNode scope(String id) {
    return existing(scopes, "scopes", id);
  }

  ObjectNode application(String id) {
    return existing(applications, "applications", id);
  }

  ObjectNode hook(String id) {
    return existing(hooks, "hooks", id);
  }

  ObjectNode organization(String id) {
    return existing(organizations, "organizations", id);
  }

  ObjectNode orgRole(String id) {
    return existing(orgRoles, "organization_roles", id);
  }

  ObjectNode orgScope(String id) {
    return existing(orgScopes, "organization_scopes", id);
  }

  /**
   * The row a delete touches, or 404 {@code entity.not_found} as Logto's deletes answer for no row;
   * the operation's not-found rule decides the answer when {@code id} is its path's id (an update
   * answers {@code entity.not_exists}, a relation insert a foreign key error).
   */
  static ObjectNode row(Map<String, ObjectNode> table, String name, String id) {
    ObjectNode entity = table.get(id);
    if (entity == null) {
      throw ApiError.notFound().missing(name, id);
    }
    return entity;
  }

  // a read by id: 404 entity.not_exists_with_id unless the operation's not-found rule says otherwise
  private static ObjectNode existing(Map<String, ObjectNode> table, String name, String id) {
    ObjectNode entity = table.get(id);
    if (entity == null) {
      throw ApiError.notExistsWithId(name, id).missing(name, id);
    }
    return entity;
  }

  /** Checks every id exists in {@code table} (422 for a dangling relation, as Logto answers). */
  static void requireAll(Map<String, ObjectNode> table, Collection<String> ids) {
    for (String id : ids) {
      if (!table.containsKey(id)) {
        throw ApiError.foreignKeyNotFound();
      }
    }
  }

  ObjectNode newRole(String name, String description, String type, boolean isDefault) {
    ObjectNode role = Json.object();
    role.put("tenantId", TENANT).put("id", id(21)).put("name", name).put("description", description)
        .put("type", type).put("isDefault", isDefault);
    roles.put(role.get("id").asText(), role);
    roleScopes.put(role.get("id").asText(), new LinkedHashSet<>());
    return role;
  }

  ObjectNode newScope(String resourceId, String name, JsonNode description) {
    ObjectNode scope = Json.object();
    scope.put("tenantId", TENANT).put("id", id(21)).put("resourceId", resourceId).put("name", name);
    scope.set("description", description == null ? Json.object().nullNode() : description);
    scope.put("createdAt", now());
    scopes.put(scope.get("id").asText(), scope);
    return scope;
  }

  private ObjectNode newScope(String resourceId, String name, String description) {
    return newScope(resourceId, name, Json.object().textNode(description));
  }

  /** Creates an application; confidential types get a "Default secret" like in Logto. */
  ObjectNode newApplication(String id, String name, JsonNode description, String type, ObjectNode oidcMetadata,
      String secretValue) {
    ObjectNode app = Json.object();
    app.put("tenantId", TENANT).put("id", id).put("name", name);
    app.set("description", description == null ? app.nullNode() : description);
    app.put("type", type);
    ObjectNode metadata = Json.object();
    metadata.set("redirectUris", Json.array());
    metadata.set("postLogoutRedirectUris", Json.array());
    if (oidcMetadata != null) {
      metadata.setAll(oidcMetadata);
    }
    app.set("oidcClientMetadata", metadata);
    app.set("customClientMetadata", Json.object());
    app.putNull("protectedAppMetadata");
    app.set("customData", Json.object());
    app.put("isThirdParty", false).put("appLevelAccessControlEnabled", false).put("createdAt", now());
    applications.put(id, app);
    List<ObjectNode> appSecrets = new ArrayList<>();
    secrets.put(id, appSecrets);
    if (secretValue != null || !type.equals("SPA") && !type.equals("Native")) {
      appSecrets.add(newSecret(id, "Default secret", secretValue == null ? secret() : secretValue, null));
    }
    return app;
  }

  ObjectNode newSecret(String applicationId, String name, String value, JsonNode expiresAt) {
    ObjectNode secret = Json.object();
    secret.put("tenantId", TENANT).put("applicationId", applicationId).put("name", name).put("value", value)
        .put("createdAt", now());
    secret.set("expiresAt", expiresAt == null ? secret.nullNode() : expiresAt);
    return secret;
  }

  ObjectNode resourceByIndicator(String indicator) {
    for (ObjectNode resource : resources.values()) {
      if (resource.get("indicator").asText().equals(indicator)) {
        return resource;
      }
    }
    return null;
  }
}

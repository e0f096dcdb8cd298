package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the users of a third-party application consent to: the scopes it asks for (organization,
 * resource, organization-resource and user scopes) and, per user, the organizations it may act in.
 * Every route but the scope list first requires a third-party application (404
 * {@code entity.not_exists_with_id}, 422 {@code application.third_party_application_only}), as Logto does.
 * The tenant-wide permission ceiling of OAuth Client ID Metadata Document (CIMD) clients is the same
 * consent scopes, held once for every CIMD client (Logto keeps them apart from any application).
 */
final class ApplicationConsentRoutes {
  // the consent owner under which the CIMD ceiling is kept (no application id has this form)
  private static final String CIMD_OWNER = "cimd:tenant-ceiling";
  private static final List<String> USER_SCOPES = List.of("profile", "email", "phone", "address", "custom_data",
      "identities", "roles", "urn:logto:scope:organizations", "urn:logto:scope:organization_roles",
      "urn:logto:scope:sessions", "urn:logto:scope:trusted_devices");
  private static final List<String> SCOPE_TYPES = List.of(ApplicationConsents.ORGANIZATION_SCOPES,
      ApplicationConsents.RESOURCE_SCOPES, ApplicationConsents.ORGANIZATION_RESOURCE_SCOPES,
      ApplicationConsents.USER_SCOPES);

  private final Store store;

  ApplicationConsentRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("CreateApplicationUserConsentScope",
        call -> assignScopes(call, () -> thirdParty(call.param("applicationId"))));
    handlers.declare("ListApplicationUserConsentScopes", call -> {
      // reading needs only the application (recorded on a first-party app)
      return Reply.ok(consentScopes(store.application(call.param("applicationId")).get("id").asText()));
    });
    handlers.declare("DeleteApplicationUserConsentScope",
        call -> deleteScope(call, () -> thirdParty(call.param("applicationId"))));
    registerOrganizations(handlers);
    handlers.declare("ListCimdUserConsentScopes", call -> Reply.ok(consentScopes(CIMD_OWNER)));
    handlers.declare("AssignCimdUserConsentScopes", call -> assignScopes(call, () -> CIMD_OWNER));
    handlers.declare("DeleteCimdUserConsentScope", call -> deleteScope(call, () -> CIMD_OWNER));
  }

  /**
   * POST: every listed scope must exist and none may be a Management API scope; then all are added to
   * the consent of {@code owner} (an application, or the tenant-wide CIMD ceiling), looked up after
   * the body is checked, as Logto does.
   */
  private Reply assignScopes(Call call, Supplier<String> owner) {
    Guard guard = call.guard();
    List<String> orgScopes = orEmpty(guard.strings("organizationScopes", false));
    List<String> resourceScopes = orEmpty(guard.strings("resourceScopes", false));
    List<String> orgResourceScopes = orEmpty(guard.strings("organizationResourceScopes", false));
    List<String> userScopes = guard.has("userScopes") ? orEmpty(guard.enumList("userScopes", USER_SCOPES)) : List.of();
    guard.check();
    String appId = owner.get();
    ObjectNode invalid = Json.object();
    invalid.set("invalidOrganizationScopes", Json.strings(missing(orgScopes, store.orgScopes)));
    invalid.set("invalidResourceScopes", Json.strings(missing(resourceScopes, store.scopes)));
    invalid.set("invalidOrganizationResourceScopes", Json.strings(missing(orgResourceScopes, store.scopes)));
    for (JsonNode list : invalid) {
      if (!list.isEmpty()) {
        throw ApiError.of(422, "application.user_consent_scopes_not_found", "Invalid user consent scopes.", invalid,
            null);
      }
    }
    List<String> resourceScopeIds = new ArrayList<>(resourceScopes);
    resourceScopeIds.addAll(orgResourceScopes);
    for (String scopeId : resourceScopeIds) {
      if (store.scopes.get(scopeId).get("resourceId").asText().equals(Store.MANAGEMENT_API_RESOURCE_ID)) {
        throw ApiError.of(422, "application.consent_management_api_scopes_not_allowed",
            "Management API scopes are not allowed.");
      }
    }
    store.consents.scopes(ApplicationConsents.ORGANIZATION_SCOPES, appId).addAll(orgScopes);
    store.consents.scopes(ApplicationConsents.RESOURCE_SCOPES, appId).addAll(resourceScopes);
    store.consents.scopes(ApplicationConsents.ORGANIZATION_RESOURCE_SCOPES, appId).addAll(orgResourceScopes);
    store.consents.scopes(ApplicationConsents.USER_SCOPES, appId).addAll(userScopes);
    return Reply.empty(201);
  }

  /** The consent scopes of {@code appId} (or the CIMD ceiling): organization scopes, resource scopes by resource, user scopes. */
  private ObjectNode consentScopes(String appId) {
    ObjectNode body = Json.object();
    ArrayNode orgScopes = body.putArray("organizationScopes");
    for (String id : store.consents.scopes(ApplicationConsents.ORGANIZATION_SCOPES, appId)) {
      ObjectNode scope = store.orgScopes.get(id);
      if (scope != null) {
        orgScopes.add(scopeRef(scope));
      }
    }
    body.set("resourceScopes", byResource(store.consents.scopes(ApplicationConsents.RESOURCE_SCOPES, appId)));
    body.set("organizationResourceScopes",
        byResource(store.consents.scopes(ApplicationConsents.ORGANIZATION_RESOURCE_SCOPES, appId)));
    body.set("userScopes", Json.strings(store.consents.scopes(ApplicationConsents.USER_SCOPES, appId)));
    return body;
  }

  /** DELETE of one consent scope of {@code owner} by type (400 for an unknown type, 404 when not assigned). */
  private Reply deleteScope(Call call, Supplier<String> owner) {
    ObjectNode params = Json.object().put("scopeType", call.param("scopeType"));
    Guard guard = Guard.params(params);
    String type = guard.oneOf("scopeType", SCOPE_TYPES, true);
    guard.check();
    if (!store.consents.scopes(type, owner.get()).remove(call.param("scopeId"))) {
      throw ApiError.notFound();
    }
    return Reply.empty(204);
  }

  private void registerOrganizations(Declarations handlers) {
    handlers.declare("ListApplicationUserConsentOrganizations", call -> {
      List<JsonNode> orgs = new ArrayList<>();
      for (String orgId : consentedOrganizations(call)) {
        ObjectNode org = store.organizations.get(orgId);
        if (org != null) {
          orgs.add(org);
        }
      }
      return Pager.pagedWithin(call, orgs, "organizations");
    });
    // Logto's router checks the application and the user before a route's body guard
    handlers.declare("CreateApplicationUserConsentOrganization", call -> {
      Set<String> consented = consentedOrganizations(call);
      List<String> orgIds = call.ids("organizationIds");
      if (orgIds.isEmpty()) {
        Guard.emptyArray("organizationIds");
      }
      requireMemberships(call.param("userId"), orgIds);
      consented.addAll(orgIds);
      return Reply.empty(201);
    });
    handlers.declare("ReplaceApplicationUserConsentOrganizations", call -> {
      Set<String> consented = consentedOrganizations(call);
      List<String> orgIds = call.ids("organizationIds");
      requireMemberships(call.param("userId"), orgIds);
      consented.clear();
      consented.addAll(orgIds);
      return Reply.empty(204);
    });
    handlers.declare("DeleteApplicationUserConsentOrganization", call -> {
      if (!consentedOrganizations(call).remove(call.param("organizationId"))) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
  }

  /** The organizations the call's user consented to for the call's app, after Logto's checks of both. */
  private Set<String> consentedOrganizations(Call call) {
    String appId = thirdParty(call.param("id"));
    String userId = store.user(call.param("userId")).get("id").asText();
    return store.consents.organizations(appId, userId);
  }

  private void requireMemberships(String userId, List<String> orgIds) {
    for (String orgId : orgIds) {
      OrganizationRelations.requireMembership(store.orgUsers, orgId, userId);
    }
  }

  /** The id of an existing third-party application. */
  private String thirdParty(String appId) {
    ObjectNode app = store.application(appId);
    if (!app.get("isThirdParty").asBoolean()) {
      throw ApiError.of(422, "application.third_party_application_only",
          "The feature is only available for third-party applications.");
    }
    return app.get("id").asText();
  }

  /** Resource scopes grouped by resource, as {@code [{resource: {id, name, indicator}, scopes: [...]}]}. */
  private ArrayNode byResource(Set<String> scopeIds) {
    Map<String, ArrayNode> grouped = new LinkedHashMap<>();
    for (String scopeId : scopeIds) {
      ObjectNode scope = store.scopes.get(scopeId);
      if (scope != null) {
        grouped.computeIfAbsent(scope.get("resourceId").asText(), k -> Json.array()).add(scopeRef(scope));
      }
    }
    ArrayNode groups = Json.array();
    grouped.forEach((resourceId, scopes) -> {
      ObjectNode resource = store.resources.get(resourceId);
      ObjectNode group = groups.addObject();
      ObjectNode ref = group.putObject("resource");
      ref.set("id", resource.get("id"));
      ref.set("name", resource.get("name"));
      ref.set("indicator", resource.get("indicator"));
      group.set("scopes", scopes);
    });
    return groups;
  }

  private static ObjectNode scopeRef(ObjectNode scope) {
    ObjectNode ref = Json.object();
    ref.set("id", scope.get("id"));
    ref.set("name", scope.get("name"));
    ref.set("description", scope.get("description"));
    return ref;
  }

  private static List<String> missing(List<String> ids, Map<String, ObjectNode> table) {
    return ids.stream().filter(id -> !table.containsKey(id)).toList();
  }

  private static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}

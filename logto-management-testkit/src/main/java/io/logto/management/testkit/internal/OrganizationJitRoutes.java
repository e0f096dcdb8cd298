package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Just-in-time provisioning of an organization: e-mail domains, organization roles and enterprise
 * SSO connectors. E-mail domains follow Logto's own routes (a list of a missing organization is
 * empty, a duplicate domain 422); roles and SSO connectors its generic relation routes (a list checks
 * the organization, inserts check foreign keys, removing an absent row answers 404).
 */
final class OrganizationJitRoutes {
  private final Store store;
  private final Function<String, ObjectNode> ssoConnectors;

  /**
   * @param ssoConnectors finds an enterprise SSO connector by id (answering null when there is none),
   *     so JIT rules can point at the connectors the SSO routes keep; null while the emulator keeps
   *     no SSO connectors (the JIT SSO connector operations then stay unimplemented)
   */
  OrganizationJitRoutes(Store store, Function<String, ObjectNode> ssoConnectors) {
    this.store = store;
    this.ssoConnectors = ssoConnectors;
  }

  void register(Declarations handlers) {
    registerEmailDomains(handlers);
    registerRelation(handlers, "Role", "organizationRoleIds", "organizationRoleId", store.jit::roles,
        store.orgRoles::get);
    if (ssoConnectors != null) {
      registerRelation(handlers, "SsoConnector", "ssoConnectorIds", "ssoConnectorId", store.jit::ssoConnectors,
          ssoConnectors);
    }
  }

  private void registerEmailDomains(Declarations handlers) {
    handlers.declare("ListOrganizationJitEmailDomains", call -> {
      String orgId = call.param("id");
      List<JsonNode> rows = new ArrayList<>();
      store.jit.emailDomains(orgId).forEach(domain -> rows.add(emailDomain(orgId, domain)));
      return Pager.optional(call, rows);
    });
    handlers.declare("CreateOrganizationJitEmailDomain", call -> {
      Guard guard = call.guard();
      String domain = guard.name("emailDomain");
      guard.check();
      String orgId = call.param("id");
      Store.requireAll(store.organizations, List.of(orgId));
      if (!store.jit.emailDomains(orgId).add(domain)) {
        throw ApiError.alreadyExists();
      }
      return Reply.created(emailDomain(orgId, domain));
    });
    handlers.declare("ReplaceOrganizationJitEmailDomains", call -> {
      List<String> domains = call.ids("emailDomains");
      String orgId = call.param("id");
      if (!domains.isEmpty()) {
        Store.requireAll(store.organizations, List.of(orgId));
      }
      Set<String> held = store.jit.emailDomains(orgId);
      held.clear();
      held.addAll(domains);
      return Reply.empty(204);
    });
    handlers.declare("DeleteOrganizationJitEmailDomain", call -> {
      if (!store.jit.emailDomains(call.param("id")).remove(call.param("emailDomain"))) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
  }

  private static ObjectNode emailDomain(String orgId, String domain) {
    ObjectNode row = Json.object();
    row.put("tenantId", Store.TENANT).put("organizationId", orgId).put("emailDomain", domain);
    return row;
  }

  /** List, add, replace and remove of one JIT relation whose rows are entities of another table. */
  private void registerRelation(Declarations handlers, String noun, String bodyField, String idParam,
      Function<String, Set<String>> relation, Function<String, ObjectNode> target) {
    handlers.declare("ListOrganizationJit" + noun + "s", call -> {
      String orgId = store.organization(call.param("id")).get("id").asText();
      List<JsonNode> rows = new ArrayList<>();
      for (String id : relation.apply(orgId)) {
        ObjectNode entity = target.apply(id);
        if (entity != null) {
          rows.add(entity);
        }
      }
      return Pager.optional(call, rows);
    });
    handlers.declare("CreateOrganizationJit" + noun, call -> {
      List<String> ids = nonEmptyIds(call, bodyField);
      relation.apply(OrganizationRelations.insertable(store, call, target, ids)).addAll(ids);
      return Reply.empty(201);
    });
    handlers.declare("ReplaceOrganizationJit" + noun + "s", call -> {
      List<String> ids = call.ids(bodyField);
      String orgId = ids.isEmpty() ? call.param("id") : OrganizationRelations.insertable(store, call, target, ids);
      Set<String> held = relation.apply(orgId);
      held.clear();
      held.addAll(ids);
      return Reply.empty(204);
    });
    handlers.declare("DeleteOrganizationJit" + noun, call -> {
      if (!relation.apply(call.param("id")).remove(call.param(idParam))) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
  }

  private static List<String> nonEmptyIds(Call call, String field) {
    List<String> ids = call.ids(field);
    if (ids.isEmpty()) {
      Guard.emptyArray(field);
    }
    return ids;
  }
}

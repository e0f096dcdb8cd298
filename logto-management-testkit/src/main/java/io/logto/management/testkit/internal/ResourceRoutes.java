package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** API resources and their scopes. */
final class ResourceRoutes {
  private final Store store;

  ResourceRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("ListResources", call -> {
      boolean includeScopes = "true".equals(call.query("includeScopes"));
      List<JsonNode> items = new ArrayList<>();
      for (ObjectNode resource : store.resources.values()) {
        items.add(includeScopes ? withScopes(resource) : resource);
      }
      return Pager.optional(call, items);
    });
    handlers.declare("CreateResource", this::create);
    handlers.declare("GetResource", call -> Reply.ok(store.resource(call.param("id"))));
    handlers.declare("UpdateResource", call -> {
      Guard guard = call.guard();
      String name = guard.string("name", false);
      Long ttl = guard.number("accessTokenTtl", false);
      guard.check();
      ObjectNode resource = store.resource(call.param("id"));
      if (name != null) {
        resource.put("name", name);
      }
      if (ttl != null) {
        resource.put("accessTokenTtl", ttl);
      }
      return Reply.ok(resource);
    });
    handlers.declare("UpdateResourceIsDefault", call -> {
      Guard guard = call.guard();
      Boolean isDefault = guard.bool("isDefault", true);
      guard.check();
      // true runs Logto's setDefaultResource, an update that finds no row; false reads the resource first
      ObjectNode resource = isDefault ? store.resources.get(call.param("id")) : store.resource(call.param("id"));
      if (resource == null) {
        throw ApiError.notExists("resources");
      }
      if (isDefault) {
        store.resources.values().forEach(other -> other.put("isDefault", false));
      }
      resource.put("isDefault", isDefault);
      return Reply.ok(resource);
    });
    handlers.declare("DeleteResource", call -> {
      String id = store.resource(call.param("id")).get("id").asText();
      if (id.equals(Store.MANAGEMENT_API_RESOURCE_ID)) {
        throw ApiError.of(400, "resource.cannot_delete_management_api", "The Management API cannot be deleted.");
      }
      store.cascades.deleteResource(id);
      return Reply.empty(204);
    });
    // Logto lists by the id without reading the resource: a missing one has no scopes
    handlers.declare("ListResourceScopes", call -> Pager.paged(call, scopesOf(call.param("resourceId"))));
    handlers.declare("CreateResourceScope", call -> {
      Guard guard = call.guard();
      String name = guard.name("name");
      JsonNode description = guard.nullableString("description");
      guard.check();
      String resourceId = store.resource(call.param("resourceId")).get("id").asText();
      checkScopeName(resourceId, name, null);
      return Reply.created(store.newScope(resourceId, name, description));
    }).event("Scope.Created");
    handlers.declare("UpdateResourceScope", call -> {
      Guard guard = call.guard();
      String name = guard.string("name", false);
      JsonNode description = guard.nullableString("description");
      guard.check();
      String resourceId = store.resource(call.param("resourceId")).get("id").asText();
      ObjectNode scope = ownedScope(resourceId, call.param("scopeId"));
      if (name != null) {
        checkScopeName(resourceId, name, scope.get("id").asText());
        scope.put("name", name);
      }
      if (description != null) {
        scope.set("description", description);
      }
      return Reply.ok(scope);
    }).event("Scope.Data.Updated");
    handlers.declare("DeleteResourceScope", call -> {
      String resourceId = store.resource(call.param("resourceId")).get("id").asText();
      String scopeId = ownedScope(resourceId, call.param("scopeId")).get("id").asText();
      store.cascades.deleteScope(scopeId);
      return Reply.empty(204);
    }).event("Scope.Deleted");
  }

  private Reply create(Call call) {
    Guard guard = call.guard();
    String name = guard.name("name");
    String indicator = guard.name("indicator");
    Long ttl = guard.number("accessTokenTtl", false);
    guard.check();
    if (store.resourceByIndicator(indicator) != null) {
      throw ApiError.of(422, "resource.resource_identifier_in_use",
          "The API identifier " + indicator + " is already in use");
    }
    ObjectNode resource = Json.object();
    resource.put("tenantId", Store.TENANT).put("id", store.id(21)).put("name", name).put("indicator", indicator)
        .put("isDefault", false).put("accessTokenTtl", ttl == null ? 3600 : ttl);
    store.resources.put(resource.get("id").asText(), resource);
    return Reply.created(withScopes(resource));
  }

  private ObjectNode withScopes(ObjectNode resource) {
    ObjectNode copy = resource.deepCopy();
    ArrayNode scopes = Json.arrayOf(scopesOf(resource.get("id").asText()));
    copy.set("scopes", scopes);
    return copy;
  }

  private List<JsonNode> scopesOf(String resourceId) {
    List<JsonNode> scopes = new ArrayList<>();
    for (ObjectNode scope : store.scopes.values()) {
      if (scope.get("resourceId").asText().equals(resourceId)) {
        scopes.add(scope);
      }
    }
    return scopes;
  }

  private ObjectNode ownedScope(String resourceId, String scopeId) {
    ObjectNode scope = store.scope(scopeId);
    if (!scope.get("resourceId").asText().equals(resourceId)) {
      throw ApiError.notExistsWithId("scopes", scopeId);
    }
    return scope;
  }

  private void checkScopeName(String resourceId, String name, String selfId) {
    if (name.contains(" ")) {
      throw ApiError.of(400, "scope.name_with_space", "The name of the scope cannot contain any spaces.");
    }
    for (JsonNode scope : scopesOf(resourceId)) {
      if (scope.get("name").asText().equals(name) && !scope.get("id").asText().equals(selfId)) {
        throw ApiError.of(422, "scope.name_exists", "The scope name " + name + " is already in use");
      }
    }
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Custom profile fields, keyed by name and listed in sign-in experience order ({@code sieOrder}, a new
 * field goes last). Names are letters and digits and unique; an update replaces the fields sent.
 */
final class CustomProfileFieldRoutes {
  static final List<String> TYPES = List.of("Text", "Number", "Date", "Checkbox", "Select", "Url", "Regex",
      "Address", "Fullname");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]+");

  private final Store store;
  private final Map<String, ObjectNode> fields;

  CustomProfileFieldRoutes(Store store) {
    this.store = store;
    this.fields = store.experience.profileFields;
  }

  void register(Declarations handlers) {
    handlers.declare("ListCustomProfileFields", call -> Reply.ok(Json.arrayOf(inSieOrder(fields.values()))));
    handlers.declare("GetCustomProfileFieldByName", call -> Reply.ok(existing(call.param("name"))));
    handlers.declare("CreateCustomProfileField", call -> {
      Guard guard = call.guard();
      validate(guard, true);
      guard.check();
      ObjectNode field = create(guard.raw());
      return Reply.created(field);
    });
    handlers.declare("CreateCustomProfileFieldsBatch", this::createBatch);
    handlers.declare("UpdateCustomProfileFieldByName", call -> {
      Guard guard = call.guard();
      validate(guard, false);
      guard.check();
      ObjectNode field = existing(call.param("name"));
      ObjectNode body = guard.raw();
      for (String key : List.of("type", "label", "description", "required", "config")) {
        if (body.has(key)) {
          field.set(key, body.get(key).deepCopy());
        }
      }
      return Reply.ok(field);
    });
    handlers.declare("DeleteCustomProfileFieldByName", call -> {
      if (fields.remove(call.param("name")) == null) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
    handlers.declare("UpdateCustomProfileFieldsSieOrder", this::reorder);
  }

  private Reply createBatch(Call call) {
    JsonNode body = call.json();
    Guard.arrayBody(body);
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < body.size(); i++) {
      Guard item = Guard.body(body.get(i));
      validate(item, true);
      item.check();
      String name = item.raw().get("name").asText();
      if (!names.add(name)) {
        throw nameExists();
      }
      checkNewName(name);
    }
    ArrayNode created = Json.array();
    body.forEach(item -> created.add(create((ObjectNode) item)));
    return Reply.created(created);
  }

  private Reply reorder(Call call) {
    Guard guard = call.guard();
    JsonNode order = guard.raw().get("order");
    if (order == null || !order.isArray()) {
      guard.strings("order", true);
    } else {
      for (int i = 0; i < order.size(); i++) {
        if (order.get(i).isObject()) {
          Guard item = guard.within("order." + i, (ObjectNode) order.get(i));
          item.string("name", true);
          item.number("sieOrder", true);
        }
      }
    }
    guard.check();
    store.experience.requireProfileFields(ExperienceState.names(order), Set.of());
    List<ObjectNode> updated = new ArrayList<>();
    order.forEach(item -> {
      ObjectNode field = fields.get(item.get("name").asText());
      field.set("sieOrder", item.get("sieOrder"));
      updated.add(field);
    });
    return Reply.ok(Json.arrayOf(inSieOrder(updated)));
  }

  private ObjectNode create(ObjectNode body) {
    String name = body.get("name").asText();
    checkNewName(name);
    int last = fields.values().stream().mapToInt(f -> f.get("sieOrder").asInt()).max().orElse(0);
    ObjectNode field = Json.object().put("tenantId", Store.TENANT).put("id", store.id(21)).put("name", name)
        .put("type", body.get("type").asText()).put("label", body.path("label").asText(""));
    field.set("description", body.has("description") ? body.get("description") : Json.object().nullNode());
    field.put("required", body.get("required").asBoolean());
    field.set("config", body.has("config") ? body.get("config").deepCopy() : Json.object());
    field.put("createdAt", store.now()).put("sieOrder", last + 1);
    fields.put(name, field);
    return field;
  }

  private void checkNewName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw ApiError.of(400, "custom_profile_fields.invalid_name",
          "Invalid field name, only letters and numbers are allowed, case sensitive.");
    }
    if (fields.containsKey(name)) {
      throw nameExists();
    }
  }

  private static ApiError nameExists() {
    return ApiError.of(422, "custom_profile_fields.name_exists", "Field with the given name already exists.");
  }

  // a create needs name, type and required; an update type and required (the name is the path's)
  private static void validate(Guard guard, boolean create) {
    if (create) {
      guard.name("name");
    }
    guard.oneOf("type", TYPES, true);
    guard.optionalName("label");
    guard.string("description", false);
    guard.bool("required", true);
    guard.object("config", false);
  }

  private ObjectNode existing(String name) {
    ObjectNode field = fields.get(name);
    if (field == null) {
      throw ApiError.notFound().missing("custom_profile_fields", name);
    }
    return field;
  }

  private static List<ObjectNode> inSieOrder(java.util.Collection<ObjectNode> values) {
    List<ObjectNode> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparingDouble(f -> f.get("sieOrder").asDouble()));
    return sorted;
  }
}

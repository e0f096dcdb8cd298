package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * E-mail templates, one per language tag and template type: replaced in bulk (an existing pair keeps
 * its id and creation time), listed and deleted by filter, read, patched (details merge) and deleted
 * by id.
 */
final class EmailTemplateRoutes {
  static final List<String> TEMPLATE_TYPES = List.of("SignIn", "Register", "ForgotPassword",
      "OrganizationInvitation", "Generic", "UserPermissionValidation", "BindNewIdentifier", "MfaVerification",
      "BindMfa");
  private static final List<String> DETAIL_FIELDS = List.of("subject", "content", "contentType", "replyTo", "sendFrom");

  private final Store store;
  private final Map<String, ObjectNode> templates;

  EmailTemplateRoutes(Store store) {
    this.store = store;
    this.templates = store.experience.emailTemplates;
  }

  void register(Declarations handlers) {
    handlers.declare("ReplaceEmailTemplates", this::replace);
    handlers.declare("ListEmailTemplates", call -> Reply.ok(Json.arrayOf(matching(call))));
    handlers.declare("DeleteEmailTemplates", call -> {
      List<ObjectNode> doomed = matching(call);
      if (call.query("languageTag") == null && call.query("templateType") == null) {
        throw ApiError.of(422, "email_template.at_least_one_condition_required",
            "At least one condition is required.");
      }
      doomed.forEach(template -> templates.remove(template.get("id").asText()));
      return Reply.ok(Json.object().put("rowCount", doomed.size()));
    });
    handlers.declare("GetEmailTemplate", call -> Reply.ok(existing(call.param("id"))));
    handlers.declare("UpdateEmailTemplateDetails", call -> {
      Guard guard = call.guard();
      details(guard, false);
      guard.check();
      ObjectNode template = existing(call.param("id"));
      ObjectNode merged = Json.merge((ObjectNode) template.get("details"),
          Json.pick(guard.raw(), DETAIL_FIELDS));
      template.set("details", merged);
      return Reply.ok(template);
    });
    handlers.declare("DeleteEmailTemplate", call -> {
      if (templates.remove(call.param("id")) == null) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
  }

  private Reply replace(Call call) {
    Guard guard = call.guard();
    JsonNode list = guard.raw().get("templates");
    if (list == null || !list.isArray()) {
      guard.strings("templates", true);
    } else if (list.isEmpty()) {
      guard.enumSet("templates", List.of(), true);
    } else {
      for (int i = 0; i < list.size(); i++) {
        if (!list.get(i).isObject()) {
          ObjectNode holder = Json.object();
          holder.set(String.valueOf(i), list.get(i));
          guard.within("templates", holder).object(String.valueOf(i), true);
          continue;
        }
        Guard item = guard.within("templates." + i, (ObjectNode) list.get(i));
        item.name("languageTag");
        item.oneOf("templateType", TEMPLATE_TYPES, true);
        ObjectNode details = item.object("details", true);
        if (details != null) {
          details(item.within("details", details), true);
        }
      }
    }
    guard.check();
    ArrayNode saved = Json.array();
    for (JsonNode item : list) {
      String languageTag = item.get("languageTag").asText();
      String type = item.get("templateType").asText();
      ObjectNode template = templates.values().stream()
          .filter(t -> t.get("languageTag").asText().equals(languageTag) && t.get("templateType").asText().equals(type))
          .findFirst().orElse(null);
      if (template == null) {
        template = Json.object().put("tenantId", Store.TENANT).put("id", store.id(21)).put("languageTag", languageTag)
            .put("templateType", type);
        template.set("details", Json.object());
        template.put("createdAt", store.now());
        templates.put(template.get("id").asText(), template);
      }
      template.set("details", Json.pick((ObjectNode) item.get("details"), DETAIL_FIELDS));
      saved.add(template);
    }
    return Reply.ok(saved);
  }

  private static void details(Guard guard, boolean required) {
    guard.string("subject", required);
    guard.string("content", required);
    guard.oneOf("contentType", List.of("text/html", "text/plain"), false);
    guard.string("replyTo", false);
    guard.string("sendFrom", false);
  }

  // the templates the languageTag and templateType query parameters select, oldest first
  private List<ObjectNode> matching(Call call) {
    String languageTag = call.query("languageTag");
    String type = call.query("templateType");
    if (type != null || languageTag != null) {
      Guard guard = Guard.query(Json.object());
      if (type != null) {
        guard.raw().put("templateType", type);
        guard.oneOf("templateType", TEMPLATE_TYPES, false);
      }
      if (languageTag != null) {
        guard.raw().put("languageTag", languageTag);
        guard.name("languageTag");
      }
      guard.check();
    }
    Predicate<ObjectNode> selected = t -> (languageTag == null || t.get("languageTag").asText().equals(languageTag))
        && (type == null || t.get("templateType").asText().equals(type));
    return new ArrayList<>(templates.values().stream().filter(selected).toList());
  }

  private ObjectNode existing(String id) {
    ObjectNode template = templates.get(id);
    if (template == null) {
      throw ApiError.notExistsWithId("email_templates", id);
    }
    return template;
  }
}

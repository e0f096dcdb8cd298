package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import io.logto.management.testkit.SentMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A connector factory the emulator has "installed": its type ({@code Email}, {@code Sms},
 * {@code Social}), its metadata in the order Logto answers it, and the check of a config (what the
 * connector's zod config guard does in Logto). The three built-in ones stand in for Logto's mock
 * connectors, with the same ids, targets and config keys.
 */
record ConnectorFactory(String type, ObjectNode metadata, Consumer<Guard> configCheck) {
  static final String EMAIL = "Email";
  static final String SMS = "Sms";
  static final String SOCIAL = "Social";
  /** The template usage types a message can be sent for (connector-kit's list). */
  static final List<String> USAGE_TYPES = List.of("SignIn", "Register", "ForgotPassword", "OrganizationInvitation",
      "Generic", "UserPermissionValidation", "BindNewIdentifier", "MfaVerification", "BindMfa");

  String id() {
    return metadata.get("id").asText();
  }

  /** The factory as {@code GET /connector-factories} answers it. */
  ObjectNode json() {
    ObjectNode json = Json.object().put("type", type);
    json.setAll(metadata);
    json.put("isDemo", false);
    return json;
  }

  /** Checks a config; 400 {@code connector.invalid_config} with the zod issues when it does not fit. */
  void validate(JsonNode config) {
    Guard guard = Guard.body(config == null ? Json.object() : config);
    configCheck.accept(guard);
    try {
      guard.check();
    } catch (ApiError e) {
      ObjectNode zodError = Json.object();
      zodError.set("issues", e.body().path("data").path("issues"));
      zodError.put("name", "ZodError");
      throw ApiError.of(400, "connector.invalid_config", "The connector's config is invalid.", zodError,
          e.body().path("details").asText(null));
    }
  }

  /** The channel a passwordless connector of this factory sends through, or null for a social one. */
  SentMessage.Channel channel() {
    return type.equals(EMAIL) ? SentMessage.Channel.EMAIL : type.equals(SMS) ? SentMessage.Channel.SMS : null;
  }

  /**
   * What the mock e-mail and SMS connectors do when asked to send: check the config (400
   * {@code connector.invalid_config}), pick the template of the usage type from it (400
   * {@code connector.template_not_found} when it has none) and hand the message over; here it becomes
   * the {@link SentMessage} the emulator's outbox keeps.
   */
  SentMessage message(JsonNode config, String to, String usageType, Map<String, String> payload,
      String connectorId, Instant sentAt) {
    validate(config);
    boolean found = false;
    for (JsonNode template : config.path("templates")) {
      found |= usageType.equals(template.path("usageType").asText());
    }
    if (!found) {
      throw ApiError.of(400, "connector.template_not_found", "Unable to find correct template in connector config.");
    }
    SentMessage.Builder message = SentMessage.builder().channel(channel()).recipient(to).template(usageType)
        .connectorId(connectorId).sentAt(sentAt);
    payload.forEach(message::put);
    return message.build();
  }

  /** The built-in factories, in the order Logto lists installed connectors (by package name). */
  static List<ConnectorFactory> builtIn() {
    return List.of(
        new ConnectorFactory(EMAIL, metadata("mock-email-service", "mock-mail", null, "Mock Mail Service",
            "An e-mail connector of the Logto emulator: what it sends is kept in the emulator's outbox.",
            "{\n  \"apiKey\": \"<api-key>\",\n  \"fromEmail\": \"noreply@example.com\",\n  \"templates\": [\n"
                + "    {\"usageType\": \"Generic\", \"type\": \"text/plain\", \"subject\": \"Your code\","
                + " \"content\": \"Your code is {{code}}.\"}\n  ]\n}\n", false),
            ConnectorFactory::checkMailConfig),
        new ConnectorFactory(SMS, metadata("mock-short-message-service", "mock-sms", null, "Mock SMS Service",
            "An SMS connector of the Logto emulator: what it sends is kept in the emulator's outbox.",
            "{\n  \"accountSID\": \"<account-sid>\",\n  \"authToken\": \"<auth-token>\",\n"
                + "  \"fromMessagingServiceSID\": \"<service-sid>\",\n  \"templates\": [\n"
                + "    {\"usageType\": \"Generic\", \"content\": \"Your code is {{code}}.\"}\n  ]\n}\n", false),
            ConnectorFactory::checkSmsConfig),
        new ConnectorFactory(SOCIAL, metadata("mock-social-connector", "mock-social", "Universal", "Mock Social",
            "A social connector of the Logto emulator: its authorization URI points to http://mock-social/.",
            "{}\n", true),
            guard -> { }));
  }

  // {apiKey, fromEmail, fromName?, templates: [{usageType, type, subject, content}]}
  private static void checkMailConfig(Guard guard) {
    guard.string("apiKey", true);
    guard.string("fromEmail", true);
    guard.string("fromName", false);
    List<ObjectNode> templates = guard.objects("templates", true);
    for (int i = 0; templates != null && i < templates.size(); i++) {
      Guard template = guard.within("templates." + i, templates.get(i));
      template.oneOf("usageType", USAGE_TYPES, true);
      template.oneOf("type", List.of("text/plain", "text/html"), true);
      template.string("subject", true);
      template.string("content", true);
    }
  }

  // {accountSID, authToken, fromMessagingServiceSID, templates: [{usageType, content}]}
  private static void checkSmsConfig(Guard guard) {
    guard.string("accountSID", true);
    guard.string("authToken", true);
    guard.string("fromMessagingServiceSID", true);
    List<ObjectNode> templates = guard.objects("templates", true);
    for (int i = 0; templates != null && i < templates.size(); i++) {
      Guard template = guard.within("templates." + i, templates.get(i));
      template.string("usageType", true);
      template.string("content", true);
    }
  }

  private static ObjectNode metadata(String id, String target, String platform, String name, String description,
      String configTemplate, boolean tokenStorage) {
    ObjectNode metadata = Json.object().put("id", id).put("target", target);
    if (platform == null) {
      metadata.putNull("platform");
    } else {
      metadata.put("platform", platform);
    }
    metadata.set("name", Json.object().put("en", name));
    metadata.put("logo", badge(name.substring(5, 6)));
    metadata.putNull("logoDark");
    metadata.set("description", Json.object().put("en", description));
    metadata.put("readme", "# " + name + "\n\n" + description + "\n");
    if (tokenStorage) {
      metadata.put("isTokenStorageSupported", true);
    }
    metadata.put("configTemplate", configTemplate);
    return metadata;
  }

  /** A small badge with one letter, as an SVG data URL like the logos Logto inlines. */
  static String badge(String letter) {
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"24\" height=\"24\"><rect width=\"24\""
        + " height=\"24\" rx=\"4\" fill=\"#5D34F2\"/><text x=\"12\" y=\"17\" font-size=\"14\""
        + " text-anchor=\"middle\" fill=\"#fff\">" + letter + "</text></svg>";
    return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }
}

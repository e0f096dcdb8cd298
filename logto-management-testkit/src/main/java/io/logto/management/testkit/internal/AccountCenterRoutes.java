package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The account center settings (what signed-in users may change about themselves). */
final class AccountCenterRoutes {
  private static final List<String> FIELDS = List.of("enabled", "fields", "webauthnRelatedOrigins",
      "deleteAccountUrl", "customCss", "profileFields");
  private static final List<String> FIELD_NAMES = List.of("name", "avatar", "profile", "email", "phone", "password",
      "username", "social", "customData", "mfa", "passkey", "session");
  private static final List<String> CONTROLS = List.of("Off", "ReadOnly", "Edit");

  private final ExperienceState experience;

  AccountCenterRoutes(Store store) {
    this.experience = store.experience;
  }

  void register(Declarations handlers) {
    handlers.declare("GetAccountCenterSettings", call -> Reply.ok(experience.accountCenter));
    handlers.declare("UpdateAccountCenterSettings", call -> {
      Guard guard = call.guard();
      guard.bool("enabled", false);
      ObjectNode fields = guard.object("fields", false);
      if (fields != null) {
        Guard inner = guard.within("fields", fields);
        FIELD_NAMES.forEach(name -> inner.oneOf(name, CONTROLS, false));
      }
      guard.strings("webauthnRelatedOrigins", false);
      guard.nullableString("deleteAccountUrl");
      guard.nullableString("customCss");
      JsonNode profileFields = guard.raw().get("profileFields");
      if (profileFields != null && !profileFields.isNull()) {
        if (!profileFields.isArray()) {
          guard.strings("profileFields", false);
        } else {
          for (int i = 0; i < profileFields.size(); i++) {
            if (profileFields.get(i).isObject()) {
              guard.within("profileFields." + i, (ObjectNode) profileFields.get(i)).string("name", true);
            }
          }
        }
      }
      guard.check();
      if (profileFields != null && profileFields.isArray()) {
        experience.requireProfileFields(ExperienceState.names(profileFields), Set.of());
      }
      experience.accountCenter = Json.merge(experience.accountCenter, Json.pick(guard.raw(), FIELDS));
      return Reply.ok(experience.accountCenter);
    });
  }
}

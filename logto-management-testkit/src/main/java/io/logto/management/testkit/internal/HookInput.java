package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What a hook's body may name, for a hook and for its test: the events and the delivery config. */
final class HookInput {
  // the event values of Logto 1.42's document, in its order
  static final List<String> EVENTS = List.of("PostRegister", "PostSignIn", "PostSignInAdaptiveMfaTriggered",
      "PostResetPassword", "User.Created", "User.Deleted", "User.Data.Updated", "User.SuspensionStatus.Updated",
      "Role.Created", "Role.Deleted", "Role.Data.Updated", "Role.Scopes.Updated", "Scope.Created", "Scope.Deleted",
      "Scope.Data.Updated", "Organization.Created", "Organization.Deleted", "Organization.Data.Updated",
      "Organization.Membership.Updated", "OrganizationRole.Created", "OrganizationRole.Deleted",
      "OrganizationRole.Data.Updated", "OrganizationRole.Scopes.Updated", "OrganizationScope.Created",
      "OrganizationScope.Deleted", "OrganizationScope.Data.Updated", "Identifier.Lockout", "Message.RateLimited",
      "Grant.LimitExceeded");
  // a production Logto (dev features off) refuses this event
  private static final String DEV_ONLY_EVENT = "PostSignInAdaptiveMfaTriggered";

  private HookInput() {}

  // {url, headers?, retries?}, kept as sent
  static ObjectNode config(Guard guard, boolean required) {
    ObjectNode config = guard.object("config", required);
    if (config == null) {
      return null;
    }
    Guard inner = guard.within("config", config);
    inner.string("url", true);
    inner.object("headers", false);
    inner.number("retries", false);
    return config.deepCopy();
  }

  /** 400 when the body names the event only a Logto with dev features on accepts. */
  static void refuseDevOnlyEvent(String event, List<String> events) {
    if (DEV_ONLY_EVENT.equals(event) || (events != null && events.contains(DEV_ONLY_EVENT))) {
      ObjectNode data = Json.object();
      data.put("reason", "hook.event_not_supported_when_dev_features_disabled").put("event", DEV_ONLY_EVENT);
      throw ApiError.of(400, "guard.invalid_input", "The request body is invalid.", data, null);
    }
  }
}

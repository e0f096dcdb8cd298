package io.logto.management.examples;

import io.logto.management.LogtoManagement;
import io.logto.management.model.Hook;
import io.logto.management.webhooks.DataHookEvent;
import io.logto.management.webhooks.OrganizationMembershipUpdated;
import io.logto.management.webhooks.UnknownEvent;
import io.logto.management.webhooks.UserCreated;
import io.logto.management.webhooks.UserSuspensionUpdated;
import io.logto.management.webhooks.WebhookEvent;
import io.logto.management.webhooks.WebhookReceiver;
import io.logto.management.webhooks.WebhookVerificationException;
import java.time.Duration;
import java.util.List;

/**
 * The code of docs/webhooks.md's snippet regions, compiled here (WebhookEndpointTest runs it against
 * the emulator); DocSnippetsTest keeps the page equal to the regions.
 */
final class WebhookSnippets {
  private WebhookSnippets() {}

  static WebhookReceiver receiver(String signingKey) {
    // snippet: webhooks-receiver
    WebhookReceiver receiver = WebhookReceiver.builder()
        .signingKey(signingKey)                   // the hook's signingKey
        .maxBodyBytes(256 * 1024)                 // default 1 MiB
        .replayWindow(Duration.ofMinutes(10))     // off by default
        .build();
    // end snippet
    return receiver;
  }

  static String verifyAndDecode(WebhookReceiver receiver, byte[] body, String signatureHeader) {
    // snippet: webhooks-verify
    try {
      WebhookEvent event = receiver.receive(body, signatureHeader);
      return event.event();
    } catch (WebhookVerificationException refused) {
      // refused.reason(): SIGNATURE_MISSING, SIGNATURE_MALFORMED, SIGNATURE_MISMATCH, BODY_TOO_LARGE,
      // TOO_OLD, BODY_MALFORMED; refused.reason().httpStatus() is the status to answer
      return "refused: " + refused.reason();
    }
    // end snippet
  }

  static String describe(WebhookEvent event) {
    // snippet: webhooks-typed-events
    if (event instanceof UserCreated created) {
      return "new user " + created.data().id() + " by " + created.origin().apiCall();
    } else if (event instanceof UserSuspensionUpdated suspension) {
      return "user " + suspension.data().id() + " suspended: " + suspension.data().isSuspended();
    } else if (event instanceof OrganizationMembershipUpdated membership) {
      return "organization " + membership.organizationId() + " gained " + membership.addedUserIds()
          + " and lost " + membership.removedUserIds();
    } else if (event instanceof DataHookEvent data) {
      return data.event() + " at " + data.createdAt();
    } else if (event instanceof UnknownEvent unknown) {
      return "an event this SDK does not know yet: " + unknown.event() + " " + unknown.json();
    }
    return event.event();
    // end snippet
  }

  static WebhookReceiver rotate(LogtoManagement logto, String hookId, String currentKey) {
    // snippet: webhooks-rotation
    Hook rotated = logto.hooks().updateSigningKey(hookId);
    // deliveries already on their way were signed with the old key: accept both for a while
    WebhookReceiver receiver = WebhookReceiver.builder()
        .signingKeys(List.of(rotated.signingKey(), currentKey))
        .build();
    // end snippet
    return receiver;
  }
}

package io.logto.management.webhooks;

import io.logto.management.model.User;
import org.jspecify.annotations.Nullable;

/**
 * An event Logto sends when a user finished an interaction of its sign-in experience: registered, signed
 * in, reset a password, or was asked for MFA by the adaptive MFA rules.
 */
public sealed interface InteractionHookEvent extends WebhookEvent
    permits PostRegister, PostSignIn, PostResetPassword, PostSignInAdaptiveMfaTriggered {
  /**
   * The session, application and client of the interaction ({@code sessionId}, {@code interactionEvent},
   * {@code application}, {@code cimdClientId}; the payload's {@code userIp} is {@link EventOrigin#ip()}).
   *
   * @return the origin, never null
   */
  EventOrigin origin();

  /**
   * The id of the user the interaction was for.
   *
   * @return the payload's {@code userId}, or null when absent
   */
  @Nullable String userId();

  /**
   * The user's public fields as Logto read them when it sent the event.
   *
   * @return the payload's {@code user}, or null when Logto did not find the user
   */
  @Nullable User user();
}

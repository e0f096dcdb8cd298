package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.User;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The {@code PostSignInAdaptiveMfaTriggered} webhook event: the adaptive MFA rules asked a signing-in user for a second factor (sent even when the sign-in then stops at that step).
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event (session, application, client address)
 * @param userId the id of the user the interaction was for
 * @param user the user's public fields when Logto sent the event; null when not found
 * @param adaptiveMfaResult why MFA was required (the rules that matched), as Logto sends it; null when absent
 * @param json the whole payload as received
 */
public record PostSignInAdaptiveMfaTriggered(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    @Nullable String userId,
    @Nullable User user,
    @Nullable JsonNode adaptiveMfaResult,
    JsonNode json)
    implements InteractionHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "PostSignInAdaptiveMfaTriggered";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

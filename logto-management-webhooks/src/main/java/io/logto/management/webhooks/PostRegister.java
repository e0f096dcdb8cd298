package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.User;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The {@code PostRegister} webhook event: a user finished registering through the sign-in experience.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event (session, application, client address)
 * @param userId the id of the user the interaction was for
 * @param user the user's public fields when Logto sent the event; null when not found
 * @param json the whole payload as received
 */
public record PostRegister(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    @Nullable String userId,
    @Nullable User user,
    JsonNode json)
    implements InteractionHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "PostRegister";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.User;
import io.logto.management.model.UserProfile;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The {@code User.Data.Updated} webhook event: a user's data changed: through the API ({@code PATCH} of the user, its custom data, profile or password), the account API or the sign-in experience.
 *
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param origin the request that caused the event
 * @param userId the user's id (the route's {@code userId}, or the id of {@link #data()})
 * @param data the user after the change; null when the call changed only its custom data or profile, whose new value is then {@link #customData()} or {@link #profile()}
 * @param profile the new profile, for {@code PATCH /users/:userId/profile}; otherwise null
 * @param customData the new custom data, for {@code PATCH /users/:userId/custom-data}; otherwise null
 * @param json the whole payload as received
 */
public record UserDataUpdated(
    Instant createdAt,
    String hookId,
    EventOrigin origin,
    @Nullable String userId,
    @Nullable User data,
    @Nullable UserProfile profile,
    @Nullable JsonNode customData,
    JsonNode json)
    implements DataHookEvent {
  /** The event's name on the wire. */
  public static final String EVENT = "User.Data.Updated";

  /**
   * {@return {@value #EVENT}}
   */
  @Override
  public String event() {
    return EVENT;
  }
}

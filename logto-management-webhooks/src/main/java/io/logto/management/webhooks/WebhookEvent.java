package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One verified webhook delivery of Logto, decoded: a record per hook event Logto 1.42 defines (interaction
 * events such as {@link PostSignIn}, data events such as {@link UserCreated}, exception events such as
 * {@link IdentifierLockout}), or {@link UnknownEvent} for an event this version does not know.
 *
 * <p>Switch over it with pattern matching, or over one of the sealed families {@link InteractionHookEvent},
 * {@link DataHookEvent} and {@link ExceptionHookEvent}.
 */
public sealed interface WebhookEvent permits InteractionHookEvent, DataHookEvent, ExceptionHookEvent, UnknownEvent {
  /**
   * The event's name on the wire, such as {@code User.Created}.
   *
   * @return the payload's {@code event}
   */
  String event();

  /**
   * When Logto built the payload (an ISO-8601 string in the payload, unlike the API's epoch milliseconds).
   *
   * @return the payload's {@code createdAt}
   */
  Instant createdAt();

  /**
   * The id of the hook this delivery was made for.
   *
   * @return the payload's {@code hookId}
   */
  String hookId();

  /**
   * The whole payload as received, including fields this version does not type.
   *
   * @return the JSON object
   */
  JsonNode json();
}

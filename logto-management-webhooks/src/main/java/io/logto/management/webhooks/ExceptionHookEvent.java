package io.logto.management.webhooks;

/**
 * An event Logto sends when it refused something for safety: an identifier locked out after too many
 * failed attempts, a verification message rate-limited, or grants revoked over an application's limit.
 */
public sealed interface ExceptionHookEvent extends WebhookEvent
    permits IdentifierLockout, MessageRateLimited, GrantLimitExceeded {
  /**
   * The request that caused the event.
   *
   * @return the origin, never null (its parts are null when the payload does not carry them)
   */
  EventOrigin origin();
}

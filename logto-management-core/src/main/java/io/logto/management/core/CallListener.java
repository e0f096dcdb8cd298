package io.logto.management.core;

/**
 * Observes every HTTP request a call sends: each retry and the replay after a 401 produce their own
 * {@link AttemptEvent}. Listeners run in the order added, on the thread that completed the attempt,
 * before the SDK decides whether to retry; they must be thread-safe and quick, and must not block. An
 * exception thrown by a listener is logged and ignored: it never changes the call's outcome. Token
 * requests are attempts too, of kind {@link AttemptKind#TOKEN} with path template {@code /oidc/token},
 * reported without their form (which holds the client secret); a call that fails before sending
 * anything reports none.
 *
 * <pre>{@code
 * LogtoClient client = LogtoClient.builder()
 *     ...
 *     .addListener(event -> metrics.timer("logto", "path", event.pathTemplate(),
 *         "status", event.status().isPresent() ? String.valueOf(event.status().getAsInt()) : "failed")
 *         .record(event.duration()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface CallListener {
  /**
   * Called once after each attempt, answered or failed.
   *
   * @param event what was sent and how it ended
   */
  void onAttempt(AttemptEvent event);

  /**
   * Called just before each attempt is sent, on the thread sending it; its {@link AttemptEvent} follows
   * with the same {@link AttemptStart#id()}. Does nothing by default.
   *
   * @param start what is about to be sent
   */
  default void onAttemptStart(AttemptStart start) {}
}

package io.logto.management.micrometer;

import static java.util.Objects.requireNonNull;

import io.logto.management.core.AttemptEvent;
import io.logto.management.core.AttemptStart;
import io.micrometer.observation.Observation;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one HTTP request knows: the request as it started and, once it ended, how.
 * Like the SDK's events it holds no header, query string or body, so no token or secret.
 */
public final class LogtoAttemptContext extends Observation.Context {
  private final AttemptStart start;
  private volatile @Nullable AttemptEvent end;

  /**
   * Creates the context of a request about to be sent.
   *
   * @param start the request
   */
  public LogtoAttemptContext(AttemptStart start) {
    this.start = requireNonNull(start, "start == null");
  }

  /**
   * Returns the request as it started.
   *
   * @return kind, method, path template, path and attempt number
   */
  public AttemptStart start() {
    return start;
  }

  /**
   * Returns how the request ended.
   *
   * @return status or failure, duration and request id; empty while it runs
   */
  public Optional<AttemptEvent> end() {
    return Optional.ofNullable(end);
  }

  void end(AttemptEvent event) {
    this.end = requireNonNull(event, "event == null");
  }
}

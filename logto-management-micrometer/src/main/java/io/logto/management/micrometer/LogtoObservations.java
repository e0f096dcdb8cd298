package io.logto.management.micrometer;

import static java.util.Objects.requireNonNull;

import io.logto.management.core.AttemptEvent;
import io.logto.management.core.AttemptStart;
import io.logto.management.core.CallListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Observes every HTTP request of a {@link io.logto.management.core.client.LogtoClient} with Micrometer's
 * Observation API: each API request attempt (retries and the replay after a 401 each count) and each
 * token request starts an observation when it is sent and stops it when it ends, so a timer measures it
 * and, where tracing is set up, a span (a child of the caller's current observation) records it. Names
 * and tags: {@link DefaultLogtoObservationConvention}. Observations do not change the requests: no
 * trace header is sent to Logto.
 *
 * <pre>{@code
 * LogtoClient client = LogtoClient.builder()
 *     ...
 *     .addListener(LogtoObservations.of(observationRegistry))
 *     .build();
 * }</pre>
 *
 * <p>Add one instance per client (its variants from {@code newBuilder()} may share it): attempts are
 * matched to their ends by an id that is unique only within a client. Thread-safe.
 */
public final class LogtoObservations implements CallListener {
  private static final LogtoObservationConvention DEFAULT_CONVENTION = new DefaultLogtoObservationConvention();

  private final ObservationRegistry registry;
  private final @Nullable LogtoObservationConvention customConvention;
  private final Map<Long, Observation> running = new ConcurrentHashMap<>();

  private LogtoObservations(ObservationRegistry registry, @Nullable LogtoObservationConvention customConvention) {
    this.registry = requireNonNull(registry, "registry == null");
    this.customConvention = customConvention;
  }

  /**
   * Observes with the default names and tags.
   *
   * @param registry where observations go, such as Spring Boot's {@code ObservationRegistry} bean
   * @return the listener to add to the client's builder
   */
  public static LogtoObservations of(ObservationRegistry registry) {
    return new LogtoObservations(registry, null);
  }

  /**
   * Observes with names and tags of your own.
   *
   * @param registry where observations go
   * @param convention the names and tags; the registry's global conventions still take precedence
   * @return the listener to add to the client's builder
   */
  public static LogtoObservations of(ObservationRegistry registry, LogtoObservationConvention convention) {
    return new LogtoObservations(registry, requireNonNull(convention, "convention == null"));
  }

  @Override
  public void onAttemptStart(AttemptStart start) {
    if (registry.isNoop()) {
      return;
    }
    LogtoAttemptContext context = new LogtoAttemptContext(start);
    Observation observation = Observation.createNotStarted(customConvention, DEFAULT_CONVENTION,
        () -> context, registry);
    running.put(start.id(), observation.start());
  }

  @Override
  public void onAttempt(AttemptEvent event) {
    Observation observation = running.remove(event.id());
    if (observation == null) {
      return; // started while the registry was a no-op, or by another client with the same id
    }
    ((LogtoAttemptContext) observation.getContext()).end(event);
    event.failure().ifPresent(observation::error);
    observation.stop();
  }
}

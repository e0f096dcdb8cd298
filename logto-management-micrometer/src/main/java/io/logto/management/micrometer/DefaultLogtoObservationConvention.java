package io.logto.management.micrometer;

import io.logto.management.core.AttemptEvent;
import io.logto.management.core.AttemptKind;
import io.logto.management.core.AttemptStart;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;
import java.util.Optional;

/**
 * Names and tags the observations of {@link LogtoObservations} unless given another convention. Every
 * request is observed as {@value #NAME} (a timer, and a span named
 * like {@code GET /api/users/{userId}} where tracing is set up), with these low-cardinality tags:
 *
 * <ul>
 *   <li>{@code kind}: {@code api} for a Management API request, {@code token} for a token request
 *   <li>{@code method}: {@code GET}, {@code POST}, ...
 *   <li>{@code uri}: the path template, such as {@code /api/users/{userId}} ({@code /oidc/token} for tokens)
 *   <li>{@code status}: the HTTP status, or {@code IO_ERROR} when no answer came
 *   <li>{@code outcome}: {@code SUCCESS}, {@code REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR},
 *       {@code INFORMATIONAL}, or {@code UNKNOWN} when no answer came
 *   <li>{@code attempt}: {@code 1} for the first request of a call, {@code 2} for its first retry (or its
 *       replay after a 401), ...
 *   <li>{@code exception}: the failure's simple class name, or {@code none}
 * </ul>
 *
 * <p>High-cardinality (span only): {@code http.path}, the path sent without query, and
 * {@code logto.request_id}, Logto's {@code Logto-Core-Request-Id}. Nothing holds a token or secret.
 */
public class DefaultLogtoObservationConvention implements LogtoObservationConvention {
  /** The observation (and timer) name: {@value}. */
  public static final String NAME = "logto.management.request";

  private static final String NONE = "none";

  /** Creates the convention. */
  public DefaultLogtoObservationConvention() {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(LogtoAttemptContext context) {
    return context.start().method() + " " + context.start().pathTemplate();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(LogtoAttemptContext context) {
    AttemptStart start = context.start();
    Optional<AttemptEvent> end = context.end();
    return KeyValues.of(
        KeyValue.of("kind", start.kind() == AttemptKind.TOKEN ? "token" : "api"),
        KeyValue.of("method", start.method().toUpperCase(Locale.ROOT)),
        KeyValue.of("uri", start.pathTemplate()),
        KeyValue.of("status", end.map(DefaultLogtoObservationConvention::status).orElse("UNKNOWN")),
        KeyValue.of("outcome", end.map(DefaultLogtoObservationConvention::outcome).orElse("UNKNOWN")),
        KeyValue.of("attempt", Integer.toString(start.attempt())),
        KeyValue.of("exception", end.flatMap(AttemptEvent::failure)
            .map(failure -> failure.getClass().getSimpleName()).orElse(NONE)));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(LogtoAttemptContext context) {
    return KeyValues.of(
        KeyValue.of("http.path", context.start().path()),
        KeyValue.of("logto.request_id", context.end().flatMap(AttemptEvent::requestId).orElse(NONE)));
  }

  private static String status(AttemptEvent event) {
    return event.status().isPresent() ? Integer.toString(event.status().getAsInt()) : "IO_ERROR";
  }

  private static String outcome(AttemptEvent event) {
    if (event.status().isEmpty()) {
      return "UNKNOWN";
    }
    int status = event.status().getAsInt();
    if (status >= 500) {
      return "SERVER_ERROR";
    } else if (status >= 400) {
      return "CLIENT_ERROR";
    } else if (status >= 300) {
      return "REDIRECTION";
    } else if (status >= 200) {
      return "SUCCESS";
    }
    return "INFORMATIONAL";
  }
}

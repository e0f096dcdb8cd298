package io.logto.management.core.internal.chain;

import io.logto.management.core.AttemptEvent;
import io.logto.management.core.AttemptStart;
import io.logto.management.core.CallListener;
import io.logto.management.core.Interceptor;
import io.logto.management.core.RawResponse;
import io.logto.management.core.internal.http.Futures;
import io.logto.management.core.internal.log.Logging;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * The step just above the transport: so it sees every request sent (each retry and the replay after a 401)
 * and reports each as an {@link AttemptEvent}: to the user's {@link CallListener}s and, at DEBUG, to the
 * log, one line per attempt. At TRACE it also logs the headers sent, credentials redacted. Query
 * strings and bodies are never logged: they may hold personal data. When nobody listens and DEBUG is
 * off it adds nothing but two checks.
 */
final class AttemptInterceptor implements Interceptor {
  /** The logger's name. */
  public static final String LOGGER = "io.logto.management.core.http";

  private static final Logger LOG = Logging.logger(LOGGER);
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private final List<CallListener> listeners;
  private final AtomicLong ids;

  /**
   * Creates the step.
   *
   * @param listeners the user's listeners, in order
   * @param ids numbers the attempts; shared by a client and its variants
   */
  AttemptInterceptor(List<CallListener> listeners, AtomicLong ids) {
    this.listeners = List.copyOf(listeners);
    this.ids = ids;
  }

  @Override
  public CompletableFuture<RawResponse> intercept(Chain chain) {
    HttpRequest request = chain.request();
    Call call = RealChain.callOf(chain);
    int attempt = call.nextAttempt();
    boolean debug = LOG.isDebugEnabled();
    if (!debug && listeners.isEmpty()) {
      return chain.proceed(request);
    }
    if (LOG.isTraceEnabled()) {
      LOG.trace("{} {} attempt {} headers {}", request.method(), request.uri().getRawPath(), attempt,
          redact(request.headers()));
    }
    long id = ids.incrementAndGet();
    String path = request.uri().getRawPath();
    if (!listeners.isEmpty()) {
      AttemptStart started = new AttemptStart(id, call.kind(), request.method(), call.pathTemplate(), path,
          attempt);
      for (CallListener listener : listeners) {
        try {
          listener.onAttemptStart(started);
        } catch (RuntimeException e) {
          warn(listener, started.method(), path, e);
        }
      }
    }
    long start = System.nanoTime();
    return chain.proceed(request).whenComplete((response, failure) -> {
      AttemptEvent event = new AttemptEvent(id, call.kind(), request.method(), call.pathTemplate(), path,
          attempt, response == null ? OptionalInt.empty() : OptionalInt.of(response.status()),
          response == null ? Optional.of(Futures.unwrap(failure)) : Optional.empty(),
          Duration.ofNanos(System.nanoTime() - start),
          response == null ? Optional.empty() : response.requestId());
      if (debug) {
        LOG.debug("{}", event);
      }
      for (CallListener listener : listeners) {
        try {
          listener.onAttempt(event);
        } catch (RuntimeException e) {
          warn(listener, event.method(), path, e);
        }
      }
    });
  }

  // a broken listener must not turn a good answer into a failure; its message may quote anything
  private static void warn(CallListener listener, String method, String path, RuntimeException e) {
    LOG.warn("call listener {} failed on {} {}: {}", listener.getClass().getName(), method, path,
        e.getClass().getName());
  }

  // credential values replaced by <redacted>, sorted for logs
  private static Map<String, String> redact(HttpHeaders headers) {
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.map().forEach((name, values) -> out.put(name,
        SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "<redacted>" : String.join(", ", values)));
    return out;
  }
}

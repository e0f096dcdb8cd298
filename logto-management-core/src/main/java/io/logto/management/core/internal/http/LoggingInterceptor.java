package io.logto.management.core.internal.http;

import io.logto.management.core.Interceptor;
import io.logto.management.core.RawResponse;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each call at DEBUG (method, path, status, duration, attempts, request id) and its headers at
 * TRACE, with credentials redacted. Query strings and bodies are never logged: they may hold personal
 * data. It is the innermost user interceptor, so it sees what the server saw, minus the token.
 */
public final class LoggingInterceptor implements Interceptor {
  /** The logger's name. */
  public static final String LOGGER = "io.logto.management.core.http";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  /** Creates the interceptor; it holds no state. */
  public LoggingInterceptor() {}

  @Override
  public CompletableFuture<RawResponse> intercept(Chain chain) {
    if (!LOG.isDebugEnabled()) {
      return chain.proceed(chain.request());
    }
    HttpRequest request = chain.request();
    long start = System.nanoTime();
    if (LOG.isTraceEnabled()) {
      LOG.trace("{} {} headers {}", request.method(), request.uri().getRawPath(), redact(request.headers()));
    }
    return chain.proceed(request).whenComplete((response, failure) -> {
      if (response != null) {
        LOG.debug("{} {} -> {} in {} ms (attempts {}, request id {})", request.method(),
            request.uri().getRawPath(), response.status(), response.duration().toMillis(), response.attempts(),
            response.requestId().orElse("-"));
      } else {
        LOG.debug("{} {} failed after {} ms: {}", request.method(), request.uri().getRawPath(),
            (System.nanoTime() - start) / 1_000_000, Transport.unwrap(failure).toString());
      }
    });
  }

  /**
   * Returns the headers with credential values replaced by {@code <redacted>}.
   *
   * @param headers the headers
   * @return a sorted map fit for logs
   */
  public static Map<String, String> redact(HttpHeaders headers) {
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.map().forEach((name, values) -> out.put(name,
        SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "<redacted>" : String.join(", ", values)));
    return out;
  }
}

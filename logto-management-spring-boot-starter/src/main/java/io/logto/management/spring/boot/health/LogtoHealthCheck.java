package io.logto.management.spring.boot.health;

import static java.util.Objects.requireNonNull;

import io.logto.management.core.ApiRequest;
import io.logto.management.core.LogtoApiException;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.LogtoException;
import io.logto.management.core.LogtoTokenException;
import io.logto.management.core.RequestOptions;
import io.logto.management.core.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether Logto can be used: the client obtains a token (or holds a valid one) and {@code GET /api/status}
 * answers with a 2xx status. Shared by the health indicators of both Spring Boot lines; one check is
 * one request, never retried, so a probe answers within the request timeout.
 */
public final class LogtoHealthCheck {
  private static final ApiRequest STATUS = ApiRequest.get("/api/status").build();

  private final LogtoClient client;
  private final RequestOptions options;

  /**
   * Creates the check.
   *
   * @param client the client whose connection and credentials are checked
   */
  public LogtoHealthCheck(LogtoClient client) {
    this.client = requireNonNull(client, "client == null");
    this.options = RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();
  }

  /**
   * Runs the check.
   *
   * @return up or down, with details that never hold a token or secret
   */
  public Result check() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("endpoint", client.baseUrl().toString());
    long start = System.nanoTime();
    try {
      client.call(STATUS, options);
      details.put("token", "obtained");
      details.put("status", "answered");
      details.put("durationMs", Duration.ofNanos(System.nanoTime() - start).toMillis());
      return new Result(true, details);
    } catch (LogtoTokenException e) {
      details.put("token", "failed");
      details.put("error", describe(e));
      return new Result(false, details);
    } catch (LogtoApiException e) {
      details.put("token", "obtained");
      details.put("status", e.status());
      details.put("error", describe(e));
      return new Result(false, details);
    } catch (LogtoException e) {
      details.put("error", describe(e));
      return new Result(false, details);
    }
  }

  // the SDK's messages hold no token or secret (a project rule its tests enforce)
  private static String describe(LogtoException e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /**
   * The outcome of one check.
   *
   * @param up whether a token was obtained and the status endpoint answered 2xx
   * @param details what was checked: {@code endpoint}, {@code token}, {@code status}, {@code error},
   *     {@code durationMs}
   */
  public record Result(boolean up, Map<String, Object> details) {
    /**
     * Copies the details.
     *
     * @param up whether Logto is usable
     * @param details what was checked
     */
    public Result {
      details = Map.copyOf(details);
    }
  }
}

package io.logto.management.webhooks;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Management API call that caused a data event, as Logto puts it into the payload.
 *
 * @param method the HTTP method, such as {@code PATCH}
 * @param path the request path without the {@code /api} prefix, such as {@code /users/u1}
 * @param status the status Logto answered the call with
 * @param params the route's path parameters by name (Logto may add numbered entries, such as {@code "0"})
 * @param matchedRoute the route template, such as {@code /users/:userId}, or null when absent
 */
public record ManagementApiCall(
    String method, String path, int status, Map<String, String> params, @Nullable String matchedRoute) {
  /**
   * Keeps the parameters read-only.
   *
   * @param method the HTTP method
   * @param path the request path without the {@code /api} prefix
   * @param status the status Logto answered the call with
   * @param params the route's path parameters by name
   * @param matchedRoute the route template, or null when absent
   */
  public ManagementApiCall {
    params = Map.copyOf(params);
  }

  /**
   * One path parameter of the call.
   *
   * @param name the parameter's name in the route, such as {@code userId}
   * @return its value, or null when the route has no such parameter
   */
  public @Nullable String param(String name) {
    return params.get(name);
  }
}

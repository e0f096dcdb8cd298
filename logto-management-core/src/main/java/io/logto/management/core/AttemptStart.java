package io.logto.management.core;

import static java.util.Objects.requireNonNull;

/**
 * One HTTP request about to be sent, as told to {@link CallListener#onAttemptStart(AttemptStart)}. The
 * {@link AttemptEvent} that reports how it ended carries the same {@link #id()}. Like the event, it
 * carries no headers, query string or body.
 *
 * @param id the attempt's identity: unique within a client and its {@link io.logto.management.core.client.LogtoClient#newBuilder()}
 *     variants, increasing in the order attempts start
 * @param kind whether this is an API request or a token request
 * @param method the HTTP method
 * @param pathTemplate the call's path template, such as {@code /api/users/{userId}} ({@code /oidc/token}
 *     for token requests)
 * @param path the encoded path about to be sent, without the query string
 * @param attempt the 1-based number of this request within its call
 */
public record AttemptStart(long id, AttemptKind kind, String method, String pathTemplate, String path, int attempt) {
  /**
   * Validates the components.
   *
   * @param id the attempt's identity
   * @param kind API or token request
   * @param method the HTTP method
   * @param pathTemplate the call's path template
   * @param path the encoded path without query
   * @param attempt the 1-based attempt number
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code attempt} is below 1
   */
  public AttemptStart {
    requireNonNull(kind, "kind == null");
    requireNonNull(method, "method == null");
    requireNonNull(pathTemplate, "pathTemplate == null");
    requireNonNull(path, "path == null");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt < 1: " + attempt);
    }
  }
}

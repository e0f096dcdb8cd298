package io.logto.management.core;

/** What an attempt was for, as told to a {@link CallListener}. */
public enum AttemptKind {
  /** A request of a Management API call: each retry and the replay after a 401 included. */
  API,
  /**
   * A client-credentials token request, {@code POST /oidc/token}; its form, which holds the client
   * secret, is never reported.
   */
  TOKEN
}

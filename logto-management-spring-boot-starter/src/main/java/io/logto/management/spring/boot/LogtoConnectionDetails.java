package io.logto.management.spring.boot;

import io.logto.management.core.client.LogtoClient;

/**
 * Where the auto-configured client connects and with which credentials. By default taken from the
 * {@code logto.management.*} properties; the emulator support, or a bean of your own (for credentials
 * from a vault, say), replaces it. Timeouts, retries, observations and customizers apply either way.
 */
@FunctionalInterface
public interface LogtoConnectionDetails {
  /**
   * Sets the endpoint (tenant id or base URL), the API indicator and the credentials.
   *
   * @param builder the builder of the client bean
   * @throws LogtoPropertyException if a setting the connection needs is missing or wrong
   */
  void applyTo(LogtoClient.Builder builder);
}

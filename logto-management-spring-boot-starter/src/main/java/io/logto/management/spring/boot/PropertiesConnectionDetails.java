package io.logto.management.spring.boot;

import io.logto.management.core.client.LogtoClient;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The connection named by {@code logto.management.*}, checked so a mistake names its property. */
final class PropertiesConnectionDetails implements LogtoConnectionDetails {
  private final LogtoManagementProperties properties;

  PropertiesConnectionDetails(LogtoManagementProperties properties) {
    this.properties = properties;
  }

  @Override
  public void applyTo(LogtoClient.Builder builder) {
    if (properties.emulator().enabled()) {
      // the emulator's auto-configuration replaces this connection whenever the testkit is present
      throw new LogtoPropertyException("emulator.enabled",
          "is true but no emulator runs: add io.logto:logto-management-testkit (test scope) to the class path");
    }
    if (properties.tenantId() == null && properties.endpoint() == null) {
      throw new LogtoPropertyException("tenant-id", "(Logto Cloud) or " + LogtoManagementProperties.PREFIX
          + ".endpoint (self-hosted Logto) must be set");
    }
    apply("tenant-id", properties.tenantId(), builder::tenantId);
    apply("endpoint", properties.endpoint() == null ? null : properties.endpoint().toString(), builder::baseUrl);
    apply("api-indicator", properties.apiIndicator(), builder::apiIndicator);
    apply("client-id", required("client-id", properties.clientId()), builder::clientId);
    apply("client-secret", required("client-secret", properties.clientSecret()), builder::clientSecret);
  }

  private static String required(String property, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new LogtoPropertyException(property, "must be set");
    }
    return value;
  }

  // the builder's message names the value for URLs and ids; for the secret it says only what is wrong
  private static void apply(String property, @Nullable String value, Consumer<String> setter) {
    if (value == null) {
      return;
    }
    try {
      setter.accept(value);
    } catch (IllegalArgumentException e) {
      throw new LogtoPropertyException(property, "is invalid: " + e.getMessage());
    }
  }
}

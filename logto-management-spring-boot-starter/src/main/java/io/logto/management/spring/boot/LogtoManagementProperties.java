package io.logto.management.spring.boot;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the auto-configured {@link io.logto.management.core.client.LogtoClient}, bound from
 * {@code logto.management.*}. Either {@code tenant-id} (Logto Cloud) or {@code endpoint} (self-hosted) is
 * required, and both {@code client-id} and {@code client-secret}, unless the emulator is enabled; none is
 * needed by an application that only receives webhooks and sets none of them. The secret never appears
 * in {@link #toString()}; Actuator's {@code env} and {@code configprops} mask it.
 *
 * <p>The {@code @param} texts below are the property descriptions IDEs show (Spring Boot's
 * configuration processor copies them into the metadata), hence plain text without Javadoc tags.
 *
 * @param tenantId Logto Cloud tenant id, such as 'my-tenant'. The endpoint defaults to
 *     https://TENANT-ID.logto.app and the API indicator to https://TENANT-ID.logto.app/api.
 * @param endpoint Base URL of a self-hosted Logto, or of a Cloud tenant's custom domain, such as
 *     https://auth.example.com.
 * @param clientId Id of the machine-to-machine application with the Management API access role.
 * @param clientSecret Secret of the machine-to-machine application. Masked in Actuator's env and
 *     configprops endpoints.
 * @param apiIndicator Resource indicator of the Management API. Defaults to
 *     https://TENANT-ID.logto.app/api, or https://default.logto.app/api (self-hosted) without a tenant id.
 * @param requestTimeout Timeout of each API request attempt, whole answer included. Zero disables it.
 * @param tokenTimeout Timeout of a token request.
 * @param maxRetries How many times an idempotent request (GET, HEAD, PUT, DELETE) is retried after a
 *     connection failure or a 429, 502, 503 or 504 answer. Zero disables retries.
 * @param observations Micrometer observations of every attempt and token request.
 * @param emulator In-process Logto emulator for tests and demos.
 */
@ConfigurationProperties(LogtoManagementProperties.PREFIX)
public record LogtoManagementProperties(
    @Nullable String tenantId,
    @Nullable URI endpoint,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable String apiIndicator,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("10s") Duration tokenTimeout,
    @DefaultValue("2") int maxRetries,
    @DefaultValue Observations observations,
    @DefaultValue Emulator emulator) {

  /** The prefix of every property: {@value}. */
  public static final String PREFIX = "logto.management";

  /**
   * Describes the settings with the secret masked.
   *
   * @return the settings, {@code client-secret} shown as {@code ******} when set
   */
  @Override
  public String toString() {
    return "LogtoManagementProperties[tenantId=" + tenantId + ", endpoint=" + endpoint + ", clientId=" + clientId
        + ", clientSecret=" + (clientSecret == null ? "null" : "******") + ", apiIndicator=" + apiIndicator
        + ", requestTimeout=" + requestTimeout + ", tokenTimeout=" + tokenTimeout + ", maxRetries=" + maxRetries
        + ", observations=" + observations + ", emulator=" + emulator + "]";
  }

  /**
   * Micrometer observations of the client's HTTP requests, recorded when the application has an
   * {@code ObservationRegistry} bean (Spring Boot Actuator provides one).
   *
   * @param enabled Whether to observe every API request attempt and token request with Micrometer.
   */
  public record Observations(@DefaultValue("true") boolean enabled) {}

  /**
   * The in-process Logto emulator ({@code io.logto:logto-management-testkit}), for tests and demos.
   *
   * @param enabled Whether to start the in-process Logto emulator (needs logto-management-testkit) and
   *     point the client at it instead of a real Logto. The connection properties are then ignored.
   */
  public record Emulator(@DefaultValue("false") boolean enabled) {}
}

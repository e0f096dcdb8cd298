package io.logto.management.spring.boot.webhooks;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the webhook endpoint, bound from {@code logto.webhooks.*}. The signing keys never appear in
 * {@link #toString()}; Actuator's {@code env} and {@code configprops} mask them.
 *
 * <p>The {@code @param} texts below are the property descriptions IDEs show (Spring Boot's
 * configuration processor copies them into the metadata), hence plain text without Javadoc tags.
 *
 * @param enabled Whether to receive Logto's webhooks at the path below (needs
 *     logto-management-webhooks). Each verified delivery is published as a Spring application event of
 *     its typed class. With no logto.management connection property set, the application runs without
 *     the Management API client and needs no logto.management properties.
 * @param path Path of the endpoint Logto posts to; the hook's URL is this application's address plus
 *     this path.
 * @param signingKeys Signing key of each Logto hook that posts to the endpoint. A delivery is accepted
 *     when its signature matches one of them: list the old and the new key while a key is rotated.
 *     Masked in Actuator's env and configprops endpoints.
 * @param maxBodySize Largest delivery body accepted; a larger one is answered 413 without being read to
 *     its end.
 * @param replayWindow How old a delivery may be, by its createdAt, to be accepted. Unset accepts any
 *     age. Logto does not retry a delivery, so set it only to refuse replays of captured requests.
 */
@ConfigurationProperties(LogtoWebhooksProperties.PREFIX)
public record LogtoWebhooksProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("/logto/webhooks") String path,
    @DefaultValue List<String> signingKeys,
    @DefaultValue("1MB") DataSize maxBodySize,
    @Nullable Duration replayWindow) {

  /** The prefix of every property: {@value}. */
  public static final String PREFIX = "logto.webhooks";

  /**
   * Copies the keys.
   *
   * @param enabled whether the endpoint is registered
   * @param path the endpoint's path
   * @param signingKeys the hooks' signing keys
   * @param maxBodySize the largest body accepted
   * @param replayWindow how old a delivery may be, or {@code null} for any age
   */
  public LogtoWebhooksProperties {
    signingKeys = List.copyOf(signingKeys);
  }

  /**
   * Describes the settings with the keys masked.
   *
   * @return the settings, each signing key shown as {@code ******}
   */
  @Override
  public String toString() {
    return "LogtoWebhooksProperties[enabled=" + enabled + ", path=" + path + ", signingKeys="
        + signingKeys.stream().map(key -> "******").toList() + ", maxBodySize=" + maxBodySize + ", replayWindow="
        + replayWindow + "]";
  }
}

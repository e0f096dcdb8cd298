package io.logto.management.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.core.env.MapPropertySource;

/** Actuator's own endpoints, with values shown, still mask the secret. */
final class LogtoSecretSanitizingTest {
  private static final String SECRET = "s3cret-value-never-shown";

  @Test
  void envEndpointMasksTheSecretAndShowsTheRest() {
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.tenant-id=t", "logto.management.client-id=app",
            "logto.management.client-secret=" + SECRET)
        .run(context -> {
          EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(),
              context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);
          assertThat(env.environmentEntry("logto.management.client-secret").getProperty().getValue())
              .isEqualTo(SanitizableData.SANITIZED_VALUE);
          assertThat(env.environmentEntry("logto.management.client-id").getProperty().getValue())
              .isEqualTo("app");
        });
  }

  @Test
  void configpropsEndpointMasksTheSecretAndShowsTheRest() {
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.tenant-id=t", "logto.management.client-id=app",
            "logto.management.client-secret=" + SECRET)
        .run(context -> {
          ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(
              context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);
          endpoint.setApplicationContext(context);
          Map<String, Object> properties = endpoint.configurationPropertiesWithPrefix("logto.management")
              .getContexts().values().iterator().next().getBeans().values().iterator().next().getProperties();
          assertThat(properties).containsEntry("clientSecret", SanitizableData.SANITIZED_VALUE)
              .containsEntry("clientId", "app").containsEntry("tenantId", "t");
          assertThat(properties.toString()).doesNotContain(SECRET);
        });
  }

  @Test
  void recognisesEverySpellingOfTheSecretAndNothingElse() {
    MapPropertySource source = new MapPropertySource("test", Map.of());
    assertThat(LogtoSecretSanitizingAutoConfiguration.isClientSecret(
        new SanitizableData(source, "logto.management.client-secret", SECRET))).isTrue();
    assertThat(LogtoSecretSanitizingAutoConfiguration.isClientSecret(
        new SanitizableData(source, "logto.management.clientSecret", SECRET))).isTrue();
    assertThat(LogtoSecretSanitizingAutoConfiguration.isClientSecret(
        new SanitizableData(source, "LOGTO_MANAGEMENT_CLIENT_SECRET", SECRET))).isTrue();
    assertThat(LogtoSecretSanitizingAutoConfiguration.isClientSecret(
        new SanitizableData(source, "logto.management.client-id", "app"))).isFalse();
  }

  @Test
  void recognisesEverySpellingOfTheWebhookSigningKeysAndNothingElse() {
    MapPropertySource source = new MapPropertySource("test", Map.of());
    for (String key : new String[] {"logto.webhooks.signing-keys", "logto.webhooks.signing-keys[0]",
        "logto.webhooks.signingKeys", "LOGTO_WEBHOOKS_SIGNING_KEYS", "LOGTO_WEBHOOKS_SIGNINGKEYS_1_"}) {
      assertThat(LogtoSecretSanitizingAutoConfiguration.isWebhookSigningKey(new SanitizableData(source, key, SECRET)))
          .as(key).isTrue();
    }
    for (String key : new String[] {"logto.webhooks.path", "logto.webhooks.signing-keys-file",
        "logto.webhooks.enabled"}) {
      assertThat(LogtoSecretSanitizingAutoConfiguration.isWebhookSigningKey(new SanitizableData(source, key, "x")))
          .as(key).isFalse();
    }
  }
}

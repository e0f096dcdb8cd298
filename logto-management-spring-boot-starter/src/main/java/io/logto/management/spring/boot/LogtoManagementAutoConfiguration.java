package io.logto.management.spring.boot;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.RetryPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Auto-configures a {@link LogtoClient} and a {@link LogtoManagement} from {@code logto.management.*};
 * each backs off when the application defines its own bean of that type. The client is left out of an
 * application that only receives webhooks ({@code logto.webhooks.enabled=true} and no
 * {@code logto.management} connection property set), which then needs no connection; the typed API
 * follows whichever client there is, the application's own included.
 */
@AutoConfiguration
@EnableConfigurationProperties(LogtoManagementProperties.class)
public class LogtoManagementAutoConfiguration {
  /** Created by Spring. */
  public LogtoManagementAutoConfiguration() {}

  /**
   * The client: connection, then timeouts and retries from the properties, then every customizer.
   *
   * @param properties the bound {@code logto.management.*} properties
   * @param connection a replacement of the properties' endpoint and credentials, such as the emulator's
   * @param customizers the application's adjustments
   * @return the client; built without network I/O, closed with the context
   * @throws LogtoPropertyException if a property is missing or wrong
   */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(OnManagementConnectionCondition.class)
  public LogtoClient logtoClient(LogtoManagementProperties properties,
      ObjectProvider<LogtoConnectionDetails> connection, ObjectProvider<LogtoClientBuilderCustomizer> customizers) {
    LogtoClient.Builder builder = LogtoClient.builder();
    connection.getIfAvailable(() -> new PropertiesConnectionDetails(properties)).applyTo(builder);
    if (properties.tokenTimeout().isZero() || properties.tokenTimeout().isNegative()) {
      throw new LogtoPropertyException("token-timeout", "must be positive: " + properties.tokenTimeout());
    }
    if (properties.maxRetries() < 0) {
      throw new LogtoPropertyException("max-retries", "must not be negative: " + properties.maxRetries());
    }
    if (properties.requestTimeout().isNegative()) {
      throw new LogtoPropertyException("request-timeout", "must not be negative: " + properties.requestTimeout());
    }
    // zero disables it, as documented; the client takes only positive timeouts and says "none" explicitly
    if (properties.requestTimeout().isZero()) {
      builder.noRequestTimeout();
    } else {
      builder.requestTimeout(properties.requestTimeout());
    }
    builder.tokenTimeout(properties.tokenTimeout())
        .retryPolicy(properties.maxRetries() == 0 ? RetryPolicy.none()
            : RetryPolicy.defaults().withMaxRetries(properties.maxRetries()));
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /**
   * The typed API on the client.
   *
   * @param client the client bean
   * @return the typed API
   */
  @Bean
  @ConditionalOnBean(LogtoClient.class)
  @ConditionalOnMissingBean
  public LogtoManagement logtoManagement(LogtoClient client) {
    return LogtoManagement.of(client);
  }
}

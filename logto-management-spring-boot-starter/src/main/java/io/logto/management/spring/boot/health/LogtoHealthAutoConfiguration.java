package io.logto.management.spring.boot.health;

import io.logto.management.core.client.LogtoClient;
import io.logto.management.spring.boot.LogtoManagementAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The opt-in {@code logto} health indicator ({@code management.health.logto.enabled=true}): up when a
 * token can be obtained and {@code GET /api/status} answers. Each Spring Boot line has its own health
 * API package; a nested configuration per line is loaded only when that line's API is present.
 */
@AutoConfiguration(after = LogtoManagementAutoConfiguration.class)
@ConditionalOnBean(LogtoClient.class)
@ConditionalOnProperty(name = "management.health.logto.enabled", havingValue = "true")
public class LogtoHealthAutoConfiguration {
  /** Created by Spring. */
  public LogtoHealthAutoConfiguration() {}

  /** Spring Boot 3.x: {@code org.springframework.boot.actuate.health}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
  static class Boot3 {
    @Bean
    @ConditionalOnMissingBean(name = "logtoHealthIndicator")
    LogtoHealthIndicator logtoHealthIndicator(LogtoClient client) {
      return new LogtoHealthIndicator(new LogtoHealthCheck(client));
    }
  }

  /** Spring Boot 4.x: {@code org.springframework.boot.health.contributor}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Boot4 {
    @Bean
    @ConditionalOnMissingBean(name = "logtoHealthIndicator")
    LogtoBoot4HealthIndicator logtoHealthIndicator(LogtoClient client) {
      return new LogtoBoot4HealthIndicator(new LogtoHealthCheck(client));
    }
  }
}

package io.logto.management.spring.boot.webhooks;

import io.logto.management.LogtoManagement;
import io.logto.management.spring.boot.LogtoManagementAutoConfiguration;
import io.logto.management.spring.boot.LogtoManagementProperties;
import io.logto.management.spring.boot.LogtoPropertyException;
import io.logto.management.spring.boot.test.RecordedWebhookEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With {@code logto.webhooks.enabled=true} and {@code logto-management-webhooks} on the class path,
 * registers a {@code POST} endpoint at {@code logto.webhooks.path} that verifies each delivery's
 * signature against its raw body and publishes the typed event through the
 * {@link ApplicationEventPublisher}: 204 once every listener returned, 401 when the delivery does not
 * verify, 413 when its body is over {@code logto.webhooks.max-body-size}, 500 when a listener threw.
 * A functional route on Spring MVC or on WebFlux, whichever the application runs.
 */
@AutoConfiguration(after = LogtoManagementAutoConfiguration.class)
@ConditionalOnClass(name = "io.logto.management.webhooks.WebhookReceiver")
@ConditionalOnProperty(prefix = LogtoWebhooksProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(LogtoWebhooksProperties.class)
public class LogtoWebhooksAutoConfiguration {
  /** Created by Spring. */
  public LogtoWebhooksAutoConfiguration() {}

  /**
   * The keys from {@code logto.webhooks.signing-keys}, checked at start-up; with the emulator enabled,
   * also the key of every hook the emulator has.
   *
   * @param properties the bound {@code logto.webhooks.*} properties
   * @param environment to see whether the emulator is enabled
   * @param logto the typed API, asked for the emulator's hooks
   * @return the keys deliveries are verified with
   * @throws LogtoPropertyException if no key is set (without the emulator) or a key is blank
   */
  @Bean
  @ConditionalOnMissingBean
  public LogtoWebhookSigningKeys logtoWebhookSigningKeys(LogtoWebhooksProperties properties,
      Environment environment, ObjectProvider<LogtoManagement> logto) {
    List<String> keys = properties.signingKeys();
    for (int i = 0; i < keys.size(); i++) {
      if (keys.get(i).isBlank()) {
        throw invalid("signing-keys", "has a blank key at index " + i + " (of " + keys.size() + ")");
      }
    }
    if (environment.getProperty(LogtoManagementProperties.PREFIX + ".emulator.enabled", Boolean.class, false)) {
      return new EmulatorHookSigningKeys(keys, logto);
    }
    if (keys.isEmpty()) {
      throw invalid("signing-keys", "must be set when " + LogtoWebhooksProperties.PREFIX + ".enabled is true");
    }
    return () -> keys;
  }

  @Bean
  WebhookEndpoint logtoWebhookEndpoint(LogtoWebhooksProperties properties, LogtoWebhookSigningKeys signingKeys,
      ObjectProvider<Clock> clock, ApplicationEventPublisher publisher,
      ObjectProvider<RecordedWebhookEvents> recorded) {
    if (!properties.path().startsWith("/")) {
      throw invalid("path", "must start with '/': " + properties.path());
    }
    long maxBodyBytes = properties.maxBodySize().toBytes();
    if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 1) {
      throw invalid("max-body-size", "must be between 1B and 2047MB: " + properties.maxBodySize());
    }
    Duration replayWindow = properties.replayWindow();
    if (replayWindow != null && (replayWindow.isZero() || replayWindow.isNegative())) {
      throw invalid("replay-window", "must be positive: " + replayWindow);
    }
    Clock time = clock.getIfUnique(Clock::systemUTC);
    List<String> configured = properties.signingKeys();
    if (!configured.isEmpty()) {
      try {
        // the receiver's own checks of the keys, at start-up rather than on the first delivery
        WebhookEndpoint.newReceiver(configured, (int) maxBodyBytes, replayWindow, time);
      } catch (IllegalArgumentException e) {
        throw invalid("signing-keys", "is invalid: " + e.getMessage());
      }
    }
    // a test's recorder hears of an event once every listener is done with it
    return new WebhookEndpoint(signingKeys, (int) maxBodyBytes, replayWindow, time, publisher,
        event -> recorded.ifAvailable(recorder -> recorder.record(event)));
  }

  private static LogtoPropertyException invalid(String property, String problem) {
    return LogtoPropertyException.of(LogtoWebhooksProperties.PREFIX + "." + property, problem);
  }

  /** Spring MVC: a {@code RouterFunction} that {@code RouterFunctionMapping} serves. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
  static class Servlet {
    @Bean
    org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse>
        logtoWebhooksRoute(LogtoWebhooksProperties properties, WebhookEndpoint endpoint) {
      return ServletWebhookRoute.of(properties.path(), endpoint);
    }
  }

  /** WebFlux: a reactive {@code RouterFunction}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
  @ConditionalOnClass(name = "org.springframework.web.reactive.function.server.RouterFunction")
  static class Reactive {
    @Bean
    org.springframework.web.reactive.function.server.RouterFunction<
        org.springframework.web.reactive.function.server.ServerResponse>
        logtoWebhooksRoute(LogtoWebhooksProperties properties, WebhookEndpoint endpoint) {
      return ReactiveWebhookRoute.of(properties.path(), endpoint);
    }
  }
}

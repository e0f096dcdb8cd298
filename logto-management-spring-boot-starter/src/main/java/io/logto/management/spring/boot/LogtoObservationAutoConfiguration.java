package io.logto.management.spring.boot;

import io.logto.management.micrometer.LogtoObservations;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Observes the auto-configured client's requests ({@link LogtoObservations}) when the application has
 * one {@link ObservationRegistry} bean, as Spring Boot Actuator provides: a timer
 * {@code logto.management.request} per tag set, and spans where tracing is set up. Off with
 * {@code logto.management.observations.enabled=false}, and left out with the client (in a webhook-only
 * application).
 */
@AutoConfiguration(before = LogtoManagementAutoConfiguration.class)
@ConditionalOnClass({ObservationRegistry.class, LogtoObservations.class})
@ConditionalOnProperty(prefix = LogtoManagementProperties.PREFIX, name = "observations.enabled",
    havingValue = "true", matchIfMissing = true)
@Conditional(OnManagementConnectionCondition.class)
public class LogtoObservationAutoConfiguration {
  /** Created by Spring. */
  public LogtoObservationAutoConfiguration() {}

  /**
   * Adds the observing listener to the client's builder; the registry is looked up when the client is
   * built, so no auto-configuration order matters.
   *
   * @param registry the application's registry, if it has exactly one
   * @return the customizer
   */
  @Bean
  public LogtoClientBuilderCustomizer logtoObservationsCustomizer(ObjectProvider<ObservationRegistry> registry) {
    return builder -> registry.ifUnique(observations -> builder.addListener(LogtoObservations.of(observations)));
  }
}

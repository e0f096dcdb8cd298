package io.logto.management.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

final class LogtoObservationAutoConfigurationTest {
  @Test
  void observesEveryRequestWhenTheApplicationHasARegistry() {
    LogtoAutoConfigurations.onEmulator().withUserConfiguration(Registry.class).run(context -> {
      context.getBean(LogtoManagement.class).users().list();

      assertThat(context.getBean(Registry.class).stopped)
          .extracting(observation -> observation.getLowCardinalityKeyValue("uri").getValue())
          .containsExactly("/oidc/token", "/api/users");
    });
  }

  @Test
  void propertyTurnsObservationsOff() {
    LogtoAutoConfigurations.onEmulator().withUserConfiguration(Registry.class)
        .withPropertyValues("logto.management.observations.enabled=false").run(context -> {
          context.getBean(LogtoManagement.class).users().list();

          assertThat(context.getBean(Registry.class).stopped).isEmpty();
        });
  }

  @Test
  void actuatorsMeterRegistryGetsTheTimers() {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
        .web(WebApplicationType.NONE).properties("logto.management.emulator.enabled=true",
            "spring.main.banner-mode=off")
        .run()) {
      context.getBean(LogtoManagement.class).users().list();
      context.getBean(LogtoManagement.class).users().list();

      Timer timer = context.getBean(MeterRegistry.class).get("logto.management.request")
          .tags("kind", "api", "method", "GET", "uri", "/api/users", "outcome", "SUCCESS").timer();
      assertThat(timer.count()).isEqualTo(2);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Registry {
    final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    @Bean
    ObservationRegistry observationRegistry() {
      ObservationRegistry registry = ObservationRegistry.create();
      registry.observationConfig().observationHandler(new ObservationHandler<>() {
        @Override
        public boolean supportsContext(Observation.Context context) {
          return true;
        }

        @Override
        public void onStop(Observation.Context context) {
          stopped.add(context);
        }
      });
      return registry;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}
}

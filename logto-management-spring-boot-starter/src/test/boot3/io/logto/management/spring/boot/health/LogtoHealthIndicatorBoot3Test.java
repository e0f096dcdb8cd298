package io.logto.management.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.spring.boot.LogtoEmulatorAutoConfiguration;
import io.logto.management.spring.boot.LogtoManagementAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spring Boot 3's health API; the Boot 4 module has the same test on Boot 4's. */
final class LogtoHealthIndicatorBoot3Test {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(LogtoEmulatorAutoConfiguration.class,
          LogtoManagementAutoConfiguration.class, LogtoHealthAutoConfiguration.class))
      .withPropertyValues("logto.management.emulator.enabled=true");

  @Test
  void optInIndicatorIsUpOnTheEmulator() {
    runner.withPropertyValues("management.health.logto.enabled=true").run(context -> {
      HealthIndicator indicator = context.getBean("logtoHealthIndicator", HealthIndicator.class);
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
      assertThat(indicator.health().getDetails()).containsEntry("token", "obtained");
    });
  }

  @Test
  void absentUnlessEnabled() {
    runner.run(context -> assertThat(context).doesNotHaveBean("logtoHealthIndicator"));
  }
}

package io.logto.management.spring.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.spring.boot.LogtoEmulatorAutoConfiguration;
import io.logto.management.spring.boot.LogtoManagementAutoConfiguration;
import io.logto.management.testkit.LogtoEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spring Boot 4's health API ({@code org.springframework.boot.health.contributor}). */
final class LogtoHealthIndicatorBoot4Test {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(LogtoEmulatorAutoConfiguration.class,
          LogtoManagementAutoConfiguration.class, LogtoHealthAutoConfiguration.class))
      .withPropertyValues("logto.management.emulator.enabled=true");

  @Test
  void optInIndicatorIsUpOnTheEmulatorAndDownWhenStatusFails() {
    runner.withPropertyValues("management.health.logto.enabled=true").run(context -> {
      HealthIndicator indicator = context.getBean("logtoHealthIndicator", HealthIndicator.class);
      Health up = indicator.health();
      assertThat(up.getStatus()).isEqualTo(Status.UP);
      assertThat(up.getDetails()).containsEntry("token", "obtained");

      context.getBean(LogtoEmulator.class).faults().failNext(1, 503);
      Health down = indicator.health();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails()).containsEntry("status", 503);
    });
  }

  @Test
  void absentUnlessEnabled() {
    runner.run(context -> assertThat(context).doesNotHaveBean("logtoHealthIndicator"));
  }
}

package io.logto.management.spring.boot;

import io.logto.management.spring.boot.health.LogtoHealthAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter's auto-configurations, as an application's context loads them. */
final class LogtoAutoConfigurations {
  private LogtoAutoConfigurations() {}

  static ApplicationContextRunner runner() {
    return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
        LogtoEmulatorAutoConfiguration.class, LogtoManagementAutoConfiguration.class,
        LogtoObservationAutoConfiguration.class,
        LogtoSecretSanitizingAutoConfiguration.class, LogtoHealthAutoConfiguration.class));
  }

  static ApplicationContextRunner onEmulator() {
    return runner().withPropertyValues("logto.management.emulator.enabled=true");
  }
}

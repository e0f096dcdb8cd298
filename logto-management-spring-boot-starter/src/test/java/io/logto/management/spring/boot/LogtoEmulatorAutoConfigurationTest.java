package io.logto.management.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testkit.LogtoEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

final class LogtoEmulatorAutoConfigurationTest {
  @Test
  void propertyStartsTheEmulatorAndPointsTheBeansAtIt() {
    LogtoAutoConfigurations.onEmulator().run(context -> {
      LogtoEmulator emulator = context.getBean(LogtoEmulator.class);
      assertThat(context.getBean(LogtoClient.class).baseUrl()).isEqualTo(emulator.baseUrl());

      assertThat(context.getBean(LogtoManagement.class).users().list()).isEmpty();
      assertThat(emulator.requestCount("ListUsers")).isEqualTo(1);
      assertThat(emulator.tokenRequestCount()).isEqualTo(1);
    });
  }

  @Test
  void emulatorStopsWithTheContext() {
    LogtoEmulator[] started = new LogtoEmulator[1];
    LogtoAutoConfigurations.onEmulator().run(context -> started[0] = context.getBean(LogtoEmulator.class));
    LogtoClient afterClose = LogtoClient.builder().baseUrl(started[0].baseUrl())
        .apiIndicator(started[0].apiIndicator()).clientId("x").clientSecret("y").build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogtoManagement.of(afterClose).users().list())
        .isInstanceOf(io.logto.management.core.LogtoException.class);
  }

  @Test
  void emulatorWinsOverTheApplicationsConnectionAndIgnoresConnectionProperties() {
    LogtoAutoConfigurations.onEmulator()
        .withPropertyValues("logto.management.tenant-id=real-tenant")
        .withUserConfiguration(VaultConnection.class)
        .run(context -> assertThat(context.getBean(LogtoClient.class).baseUrl())
            .isEqualTo(context.getBean(LogtoEmulator.class).baseUrl()));
  }

  @Test
  void withoutTheTestkitTheStartUpFailureSaysWhatToAdd() {
    LogtoAutoConfigurations.onEmulator()
        .withClassLoader(new FilteredClassLoader(LogtoEmulator.class))
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessage("logto.management.emulator.enabled is true but no emulator runs: "
                + "add io.logto:logto-management-testkit (test scope) to the class path"));
  }

  @Test
  void disabledByDefault() {
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.tenant-id=t", "logto.management.client-id=app",
            "logto.management.client-secret=secret")
        .run(context -> assertThat(context).doesNotHaveBean(LogtoEmulator.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class VaultConnection {
    @Bean
    LogtoConnectionDetails vaultConnection() {
      return builder -> builder.tenantId("from-vault").clientId("vault-id").clientSecret("vault-secret");
    }
  }
}

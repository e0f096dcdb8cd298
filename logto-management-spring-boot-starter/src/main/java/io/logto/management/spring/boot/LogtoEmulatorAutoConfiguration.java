package io.logto.management.spring.boot;

import io.logto.management.testkit.ClientCredentials;
import io.logto.management.testkit.LogtoEmulator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * With {@code logto.management.emulator.enabled=true} and {@code logto-management-testkit} on the class
 * path, starts an in-process {@link LogtoEmulator} (a bean, stopped with the context) and points the
 * client at it with its default, fully privileged, client. Tests inject the emulator to count requests
 * or inject faults.
 */
@AutoConfiguration(before = LogtoManagementAutoConfiguration.class)
@ConditionalOnClass(LogtoEmulator.class)
@ConditionalOnProperty(prefix = LogtoManagementProperties.PREFIX, name = "emulator.enabled", havingValue = "true")
public class LogtoEmulatorAutoConfiguration {
  /** Created by Spring. */
  public LogtoEmulatorAutoConfiguration() {}

  /**
   * The emulator, on a free loopback port.
   *
   * @return the running emulator; closed when the context closes
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public LogtoEmulator logtoEmulator() {
    return LogtoEmulator.start();
  }

  /**
   * The emulator's address, API indicator and default client, in place of the connection properties.
   *
   * @param emulator the emulator bean
   * @return the connection to it; primary, so it wins over an application's own connection in tests
   */
  @Bean
  @Primary
  public LogtoConnectionDetails logtoEmulatorConnectionDetails(LogtoEmulator emulator) {
    return builder -> {
      ClientCredentials credentials = emulator.defaultClient();
      builder.baseUrl(emulator.baseUrl()).apiIndicator(emulator.apiIndicator())
          .clientId(credentials.clientId()).clientSecret(credentials.clientSecret());
    };
  }
}

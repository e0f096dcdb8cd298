package io.logto.management.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.management.LogtoManagement;
import io.logto.management.core.AccessToken;
import io.logto.management.core.LogtoServerException;
import io.logto.management.core.RetryPolicy;
import io.logto.management.testkit.LogtoEmulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class ConfiguredExtensionTest {
  @RegisterExtension
  static final LogtoEmulatorExtension LOGTO = LogtoEmulatorExtension.builder()
      .emulator(emulator -> emulator.tokenLifetime(Duration.ofMinutes(5)))
      .client(client -> client.retryPolicy(RetryPolicy.none()))
      .build();

  @Test
  void appliesTheClientSettings(LogtoManagement logto, LogtoEmulator emulator) {
    emulator.faults().failNext(1, 503);

    assertThatThrownBy(() -> logto.users().list())
        .isInstanceOf(LogtoServerException.class)
        .satisfies(e -> assertThat(((LogtoServerException) e).status()).isEqualTo(503));
    assertThat(logto.users().list()).isNotNull();
  }

  @Test
  void appliesTheEmulatorSettings(LogtoManagement logto) {
    Instant before = Instant.now();
    logto.users().list();

    AccessToken token = logto.client().clientCredentials().orElseThrow().cachedToken().orElseThrow();

    assertThat(token.expiresAt()).isBetween(before.plus(Duration.ofMinutes(4)), before.plus(Duration.ofMinutes(6)));
  }

  @Test
  void exposesTheEmulatorAndItsObservablesThroughTheRegisteredField(LogtoEmulator emulator) {
    assertThat(LOGTO.emulator()).isSameAs(emulator);
    assertThat(LOGTO.sentMessages()).isEqualTo(emulator.sentMessages()).isEmpty();
    assertThat(LOGTO.webhookDeliveries()).isEqualTo(emulator.webhookDeliveries()).isEmpty();
  }
}

package io.logto.management.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.management.LogtoManagement;
import io.logto.management.core.AccessToken;
import io.logto.management.core.LogtoServerException;
import io.logto.management.core.RetryPolicy;
import io.logto.management.testkit.LogtoEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class ConfiguredExtensionTest {
  /** The emulator's and the client's time, whatever the machine's wall clock says. */
  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @RegisterExtension
  static final LogtoEmulatorExtension LOGTO = LogtoEmulatorExtension.builder()
      .emulator(emulator -> emulator.tokenLifetime(Duration.ofMinutes(5)).clock(CLOCK))
      .client(client -> client.retryPolicy(RetryPolicy.none()).clock(CLOCK))
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
    logto.users().list();

    AccessToken token = logto.client().clientCredentials().orElseThrow().cachedToken().orElseThrow();

    // the emulator's token lifetime, counted by the client from when it asked (whichever test asked first)
    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void exposesTheEmulatorAndItsObservablesThroughTheRegisteredField(LogtoEmulator emulator) {
    assertThat(LOGTO.emulator()).isSameAs(emulator);
    assertThat(LOGTO.sentMessages()).isEqualTo(emulator.sentMessages()).isEmpty();
    assertThat(LOGTO.webhookDeliveries()).isEqualTo(emulator.webhookDeliveries()).isEmpty();
  }
}

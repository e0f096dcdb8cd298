package io.logto.management.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.model.OidcKey;
import io.logto.management.model.OidcKeyStatus;
import io.logto.management.model.OidcKeyType;
import io.logto.management.model.RotateOidcKeysRequest;
import io.logto.management.model.UpdateSignInExpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sign-in experience and configuration answers decode into the generated API's records. */
final class ConfigurationTypedApiTest {
  /** The emulator's and the client's time, whatever the machine's wall clock says. */
  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00.250Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @RegisterExtension
  static final LogtoEmulatorExtension LOGTO = LogtoEmulatorExtension.builder()
      .emulator(emulator -> emulator.clock(CLOCK))
      .client(client -> client.clock(CLOCK))
      .build();

  @Test
  void signInExperienceRoundTripsThroughTheTypedApi(LogtoManagement logto) {
    var fresh = logto.signInExperience().get();
    assertThat(fresh.id()).isEqualTo("default");
    assertThat(fresh.customCss()).isNull();

    var updated = logto.signInExperience().update(UpdateSignInExpRequest.builder().customCss("a{}").build());
    assertThat(updated.customCss()).isEqualTo("a{}");
    assertThat(logto.wellKnown().getSignInExperienceConfig().isDevelopmentTenant()).isFalse();
  }

  @Test
  void oidcKeysDecodeWithEpochSecondTimestamps(LogtoManagement logto) {
    var keys = logto.configs().getOidcKeys(OidcKeyType.PRIVATE_KEYS);
    assertThat(keys).hasSize(1);
    OidcKey key = keys.get(0);
    assertThat(key.status()).isEqualTo(OidcKeyStatus.CURRENT);
    // sent in epoch seconds (entity timestamps are milliseconds): read as seconds, it is the emulator's now
    assertThat(key.createdAt()).isEqualTo(NOW.truncatedTo(ChronoUnit.SECONDS));

    var rotated = logto.configs().rotateOidcKeys(OidcKeyType.COOKIE_KEYS, RotateOidcKeysRequest.builder().build());
    assertThat(rotated).hasSize(2);
    assertThat(logto.configs().getAdminConsoleConfig().organizationCreated()).isFalse();
  }
}

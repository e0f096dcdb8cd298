package io.logto.management.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CertificatesTest {
  @Test
  void theOperationsWhoseHandlersSignCertificatesWaitForTheKeyPairOutsideTheLock() throws IOException {
    // a handler that signs without this mark would wait for the first key under the store's lock again
    try (EmulatorServer server = new EmulatorServer(Clock.systemUTC(), Duration.ofMinutes(1),
        "https://default.logto.app/api", List.of())) {
      assertThat(server.declarations().all().stream().filter(Declarations.Declaration::needsKeyPair)
          .map(d -> d.operation().operationId()))
          .containsExactlyInAnyOrder("CreateSamlApplication", "CreateSamlApplicationSecret", "CreateSsoConnectorSigningKey");
    }
  }

  @Test
  void certificatesOfOneJvmCertifyOneKeyButDifferInSerialAndFingerprint() {
    Certificates.awaitKeyPair();
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    SecureRandom random = new SecureRandom();

    Certificates.Issued first = Certificates.selfSigned(from, from.plusSeconds(86_400), random);
    Certificates.Issued second = Certificates.selfSigned(from, from.plusSeconds(86_400), random);

    assertThat(first.sha256()).isNotEqualTo(second.sha256());
    assertThat(first.pem()).startsWith("-----BEGIN CERTIFICATE-----\r\n");
  }
}

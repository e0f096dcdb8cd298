package io.logto.management.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.LogtoManagement;
import io.logto.management.model.CreateConnectorRequest;
import io.logto.management.model.CreateConnectorTestRequest;
import io.logto.management.model.CreateDomainRequest;
import io.logto.management.model.CreateSamlApplicationRequest;
import io.logto.management.model.CreateSamlApplicationSecretRequest;
import io.logto.management.model.CreateSsoConnectorRequest;
import io.logto.management.model.DomainStatus;
import io.logto.management.model.DomainVerificationFile;
import io.logto.management.model.DomainVerificationFileContentType;
import io.logto.management.model.DomainVerificationFiles;
import io.logto.management.model.SsoConnectorProviderName;
import io.logto.management.testkit.LogtoEmulator;
import io.logto.management.testkit.SentMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed API against the emulator: the answers of these operations decode into the generated records. */
final class ConnectorsSsoSamlDomainsRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * The JVM's first SAML application waits for the emulator's RSA key pair, made on that first need;
   * making it once took over the client's default 10 s on a 2-core machine under a load of about 30. Only the requests that issue a
   * certificate wait for it (outside the emulator's lock), so the bound is needed only for those; a
   * bound only a stalled machine reaches.
   */
  private static final Duration FIRST_KEY_PAIR_BOUND = Duration.ofSeconds(120);

  @RegisterExtension
  static final LogtoEmulatorExtension LOGTO = LogtoEmulatorExtension.builder()
      .emulator(emulator -> emulator.customDomains(true))
      .client(client -> client.requestTimeout(FIRST_KEY_PAIR_BOUND))
      .build();

  @Test
  void connectorsAndTheirTestMessage(LogtoManagement logto) throws Exception {
    assertThat(logto.connectorFactories().list()).hasSize(3);
    String config = "{\"apiKey\":\"k\",\"fromEmail\":\"noreply@example.com\",\"templates\":[{\"usageType\":"
        + "\"Generic\",\"type\":\"text/plain\",\"subject\":\"Code\",\"content\":\"{{code}}\"}]}";

    var created = logto.connectors().create(CreateConnectorRequest.builder().connectorId("mock-email-service")
        .config(JSON.readTree(config)).build());
    logto.connectors().createTest("mock-email-service", CreateConnectorTestRequest.builder()
        .email("jane@example.com").config(JSON.readTree(config)).build());

    assertThat(logto.connectors().get(created.id()).connectorId()).isEqualTo("mock-email-service");
    assertThat(LOGTO.sentMessages()).singleElement().satisfies(message -> {
      assertThat(message.channel()).isEqualTo(SentMessage.Channel.EMAIL);
      assertThat(message.code()).contains("000000");
    });
  }

  @Test
  void samlApplicationsAndTheirCertificates(LogtoManagement logto) {
    var app = logto.samlApplications().create(CreateSamlApplicationRequest.builder().name("sp").entityId("urn:sp")
        .build());
    var staged = logto.samlApplications().createSecret(app.id(), CreateSamlApplicationSecretRequest.builder()
        .lifeSpanInYears(2).build());

    assertThat(logto.samlApplications().get(app.id()).entityId()).isEqualTo("urn:sp");
    assertThat(staged.active()).isFalse();
    assertThat(staged.fingerprints().sha256().unformatted()).hasSize(64);
    assertThat(logto.samlApplications().listSecrets(app.id())).hasSize(2);
    assertThat(logto.samlApplications().listMetadata(app.id())).contains("entityID=");
  }

  @Test
  void ssoConnectorsAndCustomDomains(LogtoManagement logto, LogtoEmulator emulator) {
    var sso = logto.ssoConnectors().create(CreateSsoConnectorRequest.builder().providerName(SsoConnectorProviderName.SAML)
        .connectorName("acme").build());
    assertThat(logto.ssoConnectors().list()).extracting(c -> c.id()).containsExactly(sso.id());
    assertThat(logto.ssoConnectorProviders().list()).hasSize(6);

    var domain = logto.domains().create(CreateDomainRequest.builder().domain("auth.example.com").build());
    emulator.customDomains().markActive("auth.example.com");
    assertThat(domain.status()).isEqualTo(DomainStatus.PENDING_VERIFICATION);
    assertThat(logto.domains().get(domain.id()).status()).isEqualTo(DomainStatus.ACTIVE);

    // the files go out as the array Logto's guard parses, each with its path, text and content type
    var file = DomainVerificationFile.builder().path("/.well-known/apple-app-site-association")
        .content("{\"applinks\":{}}").contentType(DomainVerificationFileContentType.APPLICATION_JSON).build();
    logto.domains().replaceVerificationFiles(domain.id(),
        DomainVerificationFiles.builder().verificationFiles(List.of(file)).build());
    var stored = logto.domains().getVerificationFiles(domain.id());
    assertThat(stored.isArray()).isTrue();
    assertThat(stored.get(0).get("path").asText()).isEqualTo("/.well-known/apple-app-site-association");
    assertThat(stored.get(0).get("contentType").asText()).isEqualTo("application/json");
  }
}

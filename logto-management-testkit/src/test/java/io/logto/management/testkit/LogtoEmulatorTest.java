package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class LogtoEmulatorTest {
  @Test
  void listensOnLoopbackWithOssIndicatorAndTokenEndpoint() {
    try (LogtoEmulator logto = LogtoEmulator.start()) {
      assertThat(logto.baseUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(logto.baseUrl().getPort()).isPositive();
      assertThat(logto.apiIndicator()).isEqualTo("https://default.logto.app/api");
      assertThat(logto.tokenEndpoint().toString()).isEqualTo(logto.baseUrl() + "/oidc/token");
      assertThat(logto.defaultClient().clientId()).matches("[0-9a-z]{21}");
      // the JDK server's TCP_NODELAY switch is set only while the JDK reads it
      assertThat(System.getProperty("sun.net.httpserver.nodelay")).isNull();
    }
  }

  @Test
  void fixedDefaultClientAndCustomIndicatorAreUsed() {
    ClientCredentials fixed = new ClientCredentials("my-app", "my-secret");
    try (LogtoEmulator logto = LogtoEmulator.builder().defaultClient(fixed).apiIndicator("https://t.example/api")
        .start()) {
      Http.Answer token = new Http(logto).token(fixed);
      assertThat(token.status()).isEqualTo(200);
      assertThat(token.body().get("scope").asText()).isEqualTo("all");
    }
  }

  @Test
  void closeStopsListeningAndIsIdempotent() throws IOException {
    LogtoEmulator logto = LogtoEmulator.start();
    int port = logto.baseUrl().getPort();
    logto.close();
    logto.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
  }

  @Test
  void credentialsNeverShowTheSecret() {
    ClientCredentials credentials = new ClientCredentials("id", "very-secret-value");

    assertThat(credentials.toString()).contains("id").doesNotContain("very-secret-value");
  }

  @Test
  void builderRejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> new ClientCredentials(" ", "s")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientId");
    assertThatThrownBy(() -> new ClientCredentials("id", null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> LogtoEmulator.builder().tokenLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenLifetime");
    ClientCredentials twice = new ClientCredentials("dup", "s");
    assertThatThrownBy(() -> LogtoEmulator.builder().client(twice).client(twice).start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dup");
  }
}

package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class ObservablesTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();

  @Test
  void aFreshEmulatorHasSentNothing() {
    assertThat(logto.sentMessages()).isEmpty();
    assertThat(logto.webhookDeliveries()).isEmpty();
    assertThat(logto.awaitWebhookDeliveries(0, Duration.ZERO)).isEmpty();
  }

  @Test
  void waitingForDeliveriesThatNeverComeReturnsWhatArrivedAfterTheTimeout() {
    assertThat(logto.awaitWebhookDeliveries(1, Duration.ofMillis(20))).isEmpty();
    assertThatThrownBy(() -> logto.awaitWebhookDeliveries(-1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("count < 0: -1");
    assertThatThrownBy(() -> logto.awaitWebhookDeliveries(1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout < 0");
  }

  @Test
  void aSentMessageKeepsItsPayloadInOrderAndNeverPrintsIt() {
    SentMessage message = SentMessage.builder().channel(SentMessage.Channel.EMAIL).recipient("a@example.com")
        .template("SignIn").put("code", "123456").put("link", "https://x/y?token=s3cret").connectorId("mail")
        .sentAt(Instant.EPOCH).build();

    assertThat(message.code()).contains("123456");
    assertThat(message.link()).contains("https://x/y?token=s3cret");
    assertThat(message.payload().keySet()).containsExactly("code", "link");
    assertThat(message.toString()).contains("a@example.com", "[code, link]").doesNotContain("123456", "s3cret");
    assertThatThrownBy(() -> message.payload().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aSentMessageNamesWhatIsMissing() {
    assertThatThrownBy(() -> SentMessage.builder().channel(SentMessage.Channel.SMS).recipient("+1555")
        .connectorId("sms").sentAt(Instant.EPOCH).build()).hasMessage("template == null");
    assertThatThrownBy(() -> SentMessage.builder().channel(SentMessage.Channel.SMS).recipient(" ").template("t")
        .connectorId("sms").sentAt(Instant.EPOCH).build()).hasMessage("recipient is blank");
  }

  @Test
  void aWebhookDeliveryTellsSuccessByStatusAndHidesThePayloadAndSignature() {
    WebhookDelivery ok = new WebhookDelivery("h1", "User.Created", URI.create("http://127.0.0.1:1/in"),
        "{\"secret\":1}", "abcdef", 204, "", "", Instant.EPOCH, Duration.ofMillis(3));
    WebhookDelivery refused = new WebhookDelivery("h1", "User.Created", URI.create("http://127.0.0.1:1/in"),
        "{}", "abcdef", 0, "", "Connection refused", Instant.EPOCH, Duration.ZERO);

    assertThat(ok.succeeded()).isTrue();
    assertThat(refused.succeeded()).isFalse();
    assertThat(ok.toString()).contains("User.Created", "204").doesNotContain("secret", "abcdef");
    assertThat(refused.toString()).contains("Connection refused");
    assertThatThrownBy(() -> new WebhookDelivery("h", "e", URI.create("http://x"), "", "", 42, "", "",
        Instant.EPOCH, Duration.ZERO)).hasMessage("responseStatus not 0 or 100..599: 42");
  }
}

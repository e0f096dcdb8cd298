package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class VerificationCodesTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  @Test
  void withoutAConnectorTheCodeIsStoredButNotSent() {
    Http.Answer sent = http.post("/verification-codes", "{\"email\":\"a@example.com\"}");

    assertThat(sent.status()).isEqualTo(501);
    assertThat(sent.code()).isEqualTo("connector.not_found");
    assertThat(logto.sentMessages()).isEmpty();
    assertThat(http.post("/verification-codes/verify", "{\"email\":\"a@example.com\",\"verificationCode\":\"000000\"}")
        .code()).isIn("verification_code.code_mismatch");
    assertThat(http.post("/verification-codes/verify", "{\"email\":\"b@example.com\",\"verificationCode\":\"000000\"}")
        .code()).isEqualTo("verification_code.not_found");
  }

  @Test
  void theCodeSentThroughTheEmailConnectorVerifiesOnce() {
    String factory = firstEmailFactory();
    Http.Answer connector = http.post("/connectors", "{\"connectorId\":\"" + factory + "\",\"config\":"
        + http.get("/connector-factories/" + factory).body().path("configTemplate").asText("{}") + "}");
    assertThat(connector.status()).as(connector.body().toString()).isEqualTo(200);

    assertThat(http.post("/verification-codes", "{\"email\":\"a@example.com\"}").status()).isEqualTo(204);

    List<SentMessage> messages = logto.sentMessages();
    assertThat(messages).hasSize(1);
    SentMessage message = messages.get(0);
    assertThat(message.channel()).isEqualTo(SentMessage.Channel.EMAIL);
    assertThat(message.recipient()).isEqualTo("a@example.com");
    assertThat(message.template()).isEqualTo("Generic");
    assertThat(message.connectorId()).isEqualTo(connector.body().get("id").asText());
    String code = message.code().orElseThrow();
    assertThat(code).matches("\\d{6}");
    String verify = "{\"email\":\"a@example.com\",\"verificationCode\":\"%s\"}";
    assertThat(http.post("/verification-codes/verify", verify.formatted(code.equals("000000") ? "111111" : "000000"))
        .code()).isEqualTo("verification_code.code_mismatch");
    assertThat(http.post("/verification-codes/verify", verify.formatted(code)).status()).isEqualTo(204);
    assertThat(http.post("/verification-codes/verify", verify.formatted(code)).code())
        .isEqualTo("verification_code.not_found");
  }

  private String firstEmailFactory() {
    for (var factory : http.get("/connector-factories").body()) {
      if (factory.path("type").asText().equals("Email")) {
        return factory.get("id").asText();
      }
    }
    throw new AssertionError("no e-mail connector factory");
  }
}

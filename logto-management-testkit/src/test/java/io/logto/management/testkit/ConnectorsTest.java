package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class ConnectorsTest {
  static final String MAIL_CONFIG = "{\"apiKey\":\"key\",\"fromEmail\":\"noreply@example.com\",\"fromName\":\"\","
      + "\"templates\":[{\"usageType\":\"Generic\",\"type\":\"text/plain\",\"subject\":\"Code\","
      + "\"content\":\"Your code is {{code}}.\"}]}";
  static final String SMS_CONFIG = "{\"accountSID\":\"sid\",\"authToken\":\"token\",\"fromMessagingServiceSID\":\"svc\","
      + "\"templates\":[{\"usageType\":\"Generic\",\"content\":\"Code {{code}}\"}]}";

  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  @Test
  void aFreshEmulatorOffersAnEmailAnSmsAndASocialFactory() {
    Http.Answer factories = http.get("/connector-factories");

    assertThat(factories.status()).isEqualTo(200);
    assertThat(factories.body()).extracting(f -> f.get("id").asText())
        .containsExactly("mock-email-service", "mock-short-message-service", "mock-social-connector");
    assertThat(factories.body()).extracting(f -> f.get("type").asText()).containsExactly("Email", "Sms", "Social");
    JsonNode email = http.get("/connector-factories/mock-email-service").body();
    assertThat(email.get("target").asText()).isEqualTo("mock-mail");
    assertThat(email.get("platform").isNull()).isTrue();
    assertThat(email.get("logo").asText()).startsWith("data:image/svg+xml;base64,");
    assertThat(email.get("isDemo").asBoolean()).isFalse();
    assertThat(http.get("/connector-factories/mock-social-connector").body().get("platform").asText())
        .isEqualTo("Universal");

    Http.Answer missing = http.get("/connector-factories/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("entity.not_found");
  }

  @Test
  void withoutFactoriesTheListIsEmptyAndNothingCanBeCreated() {
    try (LogtoEmulator bare = LogtoEmulator.builder().connectorFactories(false).start()) {
      Http other = new Http(bare);
      assertThat(other.get("/connector-factories").body()).isEmpty();
      Http.Answer create = other.post("/connectors", "{\"connectorId\":\"mock-email-service\"}");
      assertThat(create.status()).isEqualTo(422);
      assertThat(create.code()).isEqualTo("connector.not_found_with_connector_id");
    }
  }

  @Test
  void createStoresTheCleanedConfigAndAnswersTheConnectorWithItsFactoryMetadata() {
    Http.Answer created = http.post("/connectors",
        "{\"connectorId\":\"mock-email-service\",\"config\":" + MAIL_CONFIG + "}");

    assertThat(created.status()).isEqualTo(200);
    JsonNode connector = created.body();
    assertThat(connector.get("id").asText()).matches("[0-9a-z]{12}");
    assertThat(connector.get("connectorId").asText()).isEqualTo("mock-email-service");
    assertThat(connector.get("type").asText()).isEqualTo("Email");
    assertThat(connector.get("target").asText()).isEqualTo("mock-mail");
    assertThat(connector.get("syncProfile").asBoolean()).isFalse();
    assertThat(connector.get("enableTokenStorage").asBoolean()).isFalse();
    assertThat(connector.get("metadata")).isEmpty();
    // Logto drops empty strings from the config before storing it (clean-deep)
    assertThat(connector.at("/config/fromName").isMissingNode()).isTrue();
    assertThat(connector.at("/config/apiKey").asText()).isEqualTo("key");
    assertThat(http.get("/connectors/" + connector.get("id").asText()).body()).isEqualTo(connector);
    assertThat(http.get("/connectors").body()).containsExactly(connector);
  }

  @Test
  void aFactoryGivesOneConnectorAndAChosenIdIsKept() {
    Http.Answer first = http.post("/connectors", "{\"connectorId\":\"mock-short-message-service\",\"id\":\"my-sms\"}");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().get("id").asText()).isEqualTo("my-sms");

    Http.Answer second = http.post("/connectors", "{\"connectorId\":\"mock-short-message-service\"}");
    assertThat(second.status()).isEqualTo(422);
    assertThat(second.code()).isEqualTo("connector.multiple_instances_not_supported");

    Http.Answer unknown = http.post("/connectors", "{\"connectorId\":\"twilio\"}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.code()).isEqualTo("connector.not_found_with_connector_id");
  }

  @Test
  void aConfigThatDoesNotFitTheFactoryIsRefusedNamingTheBadKey() {
    Http.Answer noKey = http.post("/connectors", "{\"connectorId\":\"mock-email-service\",\"config\":"
        + "{\"fromEmail\":\"a@b.c\",\"templates\":[{\"usageType\":\"Nope\",\"type\":\"text/plain\","
        + "\"subject\":\"s\",\"content\":\"c\"}]}}");

    assertThat(noKey.status()).isEqualTo(400);
    assertThat(noKey.code()).isEqualTo("connector.invalid_config");
    assertThat(noKey.body().at("/data/issues/0/path").toString()).isEqualTo("[\"apiKey\"]");
    assertThat(noKey.body().at("/data/issues/1/path").toString()).isEqualTo("[\"templates\",0,\"usageType\"]");
    assertThat(http.get("/connectors").body()).isEmpty();

    Http.Answer metadata = http.post("/connectors", "{\"connectorId\":\"mock-social-connector\","
        + "\"metadata\":{\"target\":\"x\"}}");
    assertThat(metadata.status()).isEqualTo(400);
    assertThat(metadata.code()).isEqualTo("connector.cannot_overwrite_metadata_for_non_standard_connector");

    Http.Answer badType = http.post("/connectors", "{\"connectorId\":1}");
    assertThat(badType.code()).isEqualTo("guard.invalid_input");

    Http.Answer longId = http.post("/connectors", "{\"connectorId\":\"mock-social-connector\",\"id\":\""
        + "x".repeat(129) + "\"}");
    assertThat(longId.body().at("/data/issues/0/code").asText()).isEqualTo("too_big");
    assertThat(longId.body().at("/data/issues/0/maximum").asInt()).isEqualTo(128);
  }

  @Test
  void updateReplacesTheConfigAndSyncProfileIsForSocialConnectorsOnly() {
    String id = http.post("/connectors", "{\"connectorId\":\"mock-short-message-service\",\"config\":" + SMS_CONFIG + "}")
        .body().get("id").asText();

    Http.Answer sync = http.patch("/connectors/" + id, "{\"syncProfile\":true}");
    assertThat(sync.status()).isEqualTo(422);
    assertThat(sync.code()).isEqualTo("connector.invalid_type_for_syncing_profile");

    String replaced = SMS_CONFIG.replace("\"sid\"", "\"sid-2\"");
    Http.Answer updated = http.patch("/connectors/" + id, "{\"config\":" + replaced + "}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().at("/config/accountSID").asText()).isEqualTo("sid-2");

    Http.Answer invalid = http.patch("/connectors/" + id, "{\"config\":{\"accountSID\":1}}");
    assertThat(invalid.code()).isEqualTo("connector.invalid_config");

    String social = http.post("/connectors", "{\"connectorId\":\"mock-social-connector\"}").body().get("id").asText();
    assertThat(http.patch("/connectors/" + social, "{\"syncProfile\":true}").body().get("syncProfile").asBoolean())
        .isTrue();
    assertThat(http.get("/connectors?target=mock-social").body()).extracting(c -> c.get("id").asText())
        .containsExactly(social);

    Http.Answer missing = http.patch("/connectors/nope", "{\"syncProfile\":true}");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("entity.not_found");
  }

  @Test
  void aTestMessageIsSentThroughTheFactoryAndLandsInTheOutbox() {
    Http.Answer mail = http.post("/connectors/mock-email-service/test",
        "{\"email\":\"jane@example.com\",\"config\":" + MAIL_CONFIG + "}");
    Http.Answer sms = http.post("/connectors/mock-short-message-service/test",
        "{\"phone\":\"15550100\",\"email\":\"ignored@example.com\",\"config\":" + SMS_CONFIG + "}");

    assertThat(mail.status()).isEqualTo(204);
    assertThat(sms.status()).isEqualTo(204);
    assertThat(logto.sentMessages()).hasSize(2);
    SentMessage email = logto.sentMessages().get(0);
    assertThat(email.channel()).isEqualTo(SentMessage.Channel.EMAIL);
    assertThat(email.recipient()).isEqualTo("jane@example.com");
    assertThat(email.template()).isEqualTo("Generic");
    assertThat(email.code()).contains("000000");
    assertThat(email.connectorId()).isEqualTo("mock-email-service");
    assertThat(logto.sentMessages().get(1).channel()).isEqualTo(SentMessage.Channel.SMS);
    assertThat(logto.sentMessages().get(1).recipient()).isEqualTo("15550100");
    // a test sends with the given config only: no connector was created
    assertThat(http.get("/connectors").body()).isEmpty();
  }

  @Test
  void aTestMessageIsRefusedLikeLogtoRefusesIt() {
    Http.Answer badAddress = http.post("/connectors/mock-email-service/test",
        "{\"email\":\"not-an-address\",\"config\":" + MAIL_CONFIG + "}");
    assertThat(badAddress.status()).isEqualTo(400);
    assertThat(badAddress.body().at("/data/issues/0/validation").asText()).isEqualTo("regex");

    Http.Answer noTemplate = http.post("/connectors/mock-email-service/test",
        "{\"email\":\"a@b.co\",\"config\":" + MAIL_CONFIG.replace("Generic", "SignIn") + "}");
    assertThat(noTemplate.status()).isEqualTo(400);
    assertThat(noTemplate.code()).isEqualTo("connector.template_not_found");

    Http.Answer invalidConfig = http.post("/connectors/mock-email-service/test", "{\"email\":\"a@b.co\",\"config\":{}}");
    assertThat(invalidConfig.code()).isEqualTo("connector.invalid_config");

    Http.Answer wrongType = http.post("/connectors/mock-email-service/test", "{\"phone\":\"1\",\"config\":{}}");
    assertThat(wrongType.code()).isEqualTo("connector.unexpected_type");

    Http.Answer unknown = http.post("/connectors/nope/test", "{\"email\":\"t@example.com\",\"config\":{}}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("message").asText()).isEqualTo("Cannot find any available connector for type: Email.");

    assertThat(http.post("/connectors/mock-email-service/test", "{\"config\":{}}").code())
        .isEqualTo("guard.invalid_input");
    assertThat(logto.sentMessages()).isEmpty();
  }

  @Test
  void deleteRemovesTheConnector() {
    String id = http.post("/connectors", "{\"connectorId\":\"mock-social-connector\"}").body().get("id").asText();

    assertThat(http.delete("/connectors/" + id).status()).isEqualTo(204);
    assertThat(http.get("/connectors/" + id).status()).isEqualTo(404);
    assertThat(http.delete("/connectors/" + id).code()).isEqualTo("entity.not_found");
  }

  @Test
  void theSocialConnectorGivesTheMockProvidersAuthorizationUri() {
    String social = http.post("/connectors", "{\"connectorId\":\"mock-social-connector\"}").body().get("id").asText();
    String email = http.post("/connectors", "{\"connectorId\":\"mock-email-service\"}").body().get("id").asText();

    Http.Answer uri = http.post("/connectors/" + social + "/authorization-uri",
        "{\"state\":\"s 1\",\"redirectUri\":\"https://app.example/cb\"}");
    assertThat(uri.status()).isEqualTo(200);
    assertThat(uri.body().get("redirectTo").asText())
        .isEqualTo("http://mock-social/?state=s+1&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=email+profile");

    Http.Answer notSocial = http.post("/connectors/" + email + "/authorization-uri",
        "{\"state\":\"s\",\"redirectUri\":\"https://app.example/cb\"}");
    assertThat(notSocial.status()).isEqualTo(400);
    assertThat(notSocial.code()).isEqualTo("connector.unexpected_type");

    Http.Answer empty = http.post("/connectors/" + social + "/authorization-uri", "{\"state\":\"\",\"redirectUri\":\"x\"}");
    assertThat(empty.code()).isEqualTo("session.insufficient_info");
  }
}

package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class SsoConnectorsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.builder().clock(clock).start();
  private final Http http = new Http(logto);

  @Test
  void providersAreLogtosSixInItsOrder() {
    JsonNode providers = http.get("/sso-connector-providers").body();

    assertThat(providers).extracting(p -> p.get("providerName").asText())
        .containsExactly("OIDC", "SAML", "AzureAD", "AzureAdOidc", "GoogleWorkspace", "Okta");
    assertThat(providers).extracting(p -> p.get("providerType").asText())
        .containsExactly("oidc", "saml", "saml", "oidc", "oidc", "oidc");
    assertThat(providers.get(2).get("name").asText()).isEqualTo("Microsoft Entra ID (SAML)");
  }

  @Test
  void aSamlConnectorIsCreatedBareThenDescribedWithItsServiceProviderUrls() {
    Http.Answer created = http.post("/sso-connectors", "{\"providerName\":\"SAML\",\"connectorName\":\"acme\","
        + "\"domains\":[\"acme.example\"]}");

    assertThat(created.status()).isEqualTo(200);
    JsonNode connector = created.body();
    String id = connector.get("id").asText();
    assertThat(id).matches("[0-9a-z]{12}");
    assertThat(connector.get("config")).isEmpty();
    assertThat(connector.get("branding")).isEmpty();
    assertThat(connector.has("providerConfig")).isFalse();

    JsonNode read = http.get("/sso-connectors/" + id).body();
    assertThat(read.get("providerType").asText()).isEqualTo("saml");
    assertThat(read.at("/providerConfig/serviceProvider/assertionConsumerServiceUrl").asText())
        .isEqualTo(logto.baseUrl() + "/api/authn/single-sign-on/saml/" + id);
    assertThat(read.at("/providerConfig/identityProvider").isMissingNode()).isTrue();
    assertThat(http.get("/sso-connectors").body()).containsExactly(read);
    Http.Answer page = http.get("/sso-connectors?page=1&page_size=5");
    assertThat(page.header("Total-Number")).isEqualTo("1");
  }

  @Test
  void aHandMadeIdpConfigIsCheckedAndItsCertificateDescribed() {
    String id = http.post("/sso-connectors", "{\"providerName\":\"SAML\",\"connectorName\":\"acme\"}")
        .body().get("id").asText();
    // any real certificate will do: take the one of a SAML application
    String samlApp = http.post("/saml-applications", "{\"name\":\"sp\"}").body().get("id").asText();
    String pem = http.get("/saml-applications/" + samlApp + "/secrets").body().get(0).get("certificate").asText();
    ObjectNode config = Http.JSON.createObjectNode().put("entityId", "urn:idp").put("signInEndpoint",
        "https://idp.example/sso").put("x509Certificate", pem);

    Http.Answer updated = http.patch("/sso-connectors/" + id, "{\"config\":" + config + ",\"connectorName\":\"acme2\"}");

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().get("connectorName").asText()).isEqualTo("acme2");
    JsonNode idp = updated.body().at("/providerConfig/identityProvider");
    assertThat(idp.get("entityId").asText()).isEqualTo("urn:idp");
    assertThat(idp.get("isCertificateValid").asBoolean()).isTrue();
    assertThat(idp.get("certificateExpiresAt").asLong()).isGreaterThan(clock.millis());

    Http.Answer badCertificate = http.patch("/sso-connectors/" + id,
        "{\"config\":{\"entityId\":\"e\",\"signInEndpoint\":\"s\",\"x509Certificate\":\"not a certificate\"}}");
    assertThat(badCertificate.status()).isEqualTo(400);
    assertThat(badCertificate.code()).isEqualTo("connector.invalid_config");

    Http.Answer metadataUrl = http.patch("/sso-connectors/" + id, "{\"config\":{\"metadataUrl\":\"https://idp/m\"}}");
    assertThat(metadataUrl.status()).isEqualTo(501);
    assertThat(metadataUrl.body().at("/data/missing").asText()).contains("internet");
  }

  @Test
  void inlineIdpMetadataIsReadAsLogtoReadsIt() throws Exception {
    String id = http.post("/sso-connectors", "{\"providerName\":\"SAML\",\"connectorName\":\"acme\"}")
        .body().get("id").asText();
    // the emulator's own SAML application is an IdP with metadata
    String idp = http.post("/saml-applications", "{\"name\":\"idp\"}").body().get("id").asText();
    String xml = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(logto.baseUrl() + "/api/saml-applications/" + idp + "/metadata")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();

    Http.Answer updated = http.patch("/sso-connectors/" + id,
        "{\"config\":" + Http.JSON.createObjectNode().put("metadata", xml) + "}");

    assertThat(updated.status()).isEqualTo(200);
    JsonNode described = updated.body().at("/providerConfig/identityProvider");
    assertThat(described.get("entityId").asText()).isEqualTo(logto.baseUrl() + "/saml/" + idp);
    assertThat(described.get("signInEndpoint").asText()).isEqualTo(logto.baseUrl() + "/api/saml/" + idp + "/authn");
    assertThat(described.get("x509Certificate").asText()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(described.get("isCertificateValid").asBoolean()).isTrue();

    Http.Answer invalid = http.patch("/sso-connectors/" + id, "{\"config\":{\"metadata\":\"<EntityDescriptor/>\"}}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.code()).isEqualTo("connector.invalid_metadata");
  }

  @Test
  void refusesUnknownProvidersPublicOrDuplicatedDomainsAndTakenNames() {
    Http.Answer unknown = http.post("/sso-connectors", "{\"providerName\":\"Nope\",\"connectorName\":\"n\"}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.code()).isEqualTo("connector.not_found");

    Http.Answer publicDomain = http.post("/sso-connectors", "{\"providerName\":\"OIDC\",\"connectorName\":\"n\","
        + "\"domains\":[\"gmail.com\"]}");
    assertThat(publicDomain.code()).isEqualTo("single_sign_on.forbidden_domains");
    assertThat(publicDomain.body().at("/data/data/0").asText()).isEqualTo("gmail.com");
    assertThat(http.post("/sso-connectors", "{\"providerName\":\"OIDC\",\"connectorName\":\"n\","
        + "\"domains\":[\"a.example\",\"a.example\"]}").code()).isEqualTo("single_sign_on.duplicated_domains");

    assertThat(http.post("/sso-connectors", "{\"providerName\":\"OIDC\",\"connectorName\":\"n\"}").status())
        .isEqualTo(200);
    Http.Answer taken = http.post("/sso-connectors", "{\"providerName\":\"Okta\",\"connectorName\":\"n\"}");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.code()).isEqualTo("single_sign_on.duplicate_connector_name");

    Http.Answer oidcConfig = http.post("/sso-connectors", "{\"providerName\":\"OIDC\",\"connectorName\":\"m\","
        + "\"config\":{\"issuer\":\"https://idp.example\",\"clientId\":\"c\",\"clientSecret\":\"s\"}}");
    assertThat(oidcConfig.status()).isEqualTo(501);

    Http.Answer types = http.post("/sso-connectors", "{\"providerName\":12345,\"connectorName\":12345}");
    assertThat(types.body().at("/data/issues").size()).isEqualTo(2);
  }

  @Test
  void samlSigningKeysRotateAndTheActiveOneCannotBeDeleted() {
    String saml = http.post("/sso-connectors", "{\"providerName\":\"SAML\",\"connectorName\":\"s\"}")
        .body().get("id").asText();
    String oidc = http.post("/sso-connectors", "{\"providerName\":\"OIDC\",\"connectorName\":\"o\"}")
        .body().get("id").asText();
    String keys = "/sso-connectors/" + saml + "/signing-keys";

    Http.Answer staged = http.post(keys, "{}");
    assertThat(staged.status()).isEqualTo(201);
    assertThat(staged.body().get("active").asBoolean()).isFalse();
    assertThat(staged.body().get("certificate").asText()).startsWith("-----BEGIN CERTIFICATE-----\r\n");
    String first = staged.body().get("id").asText();
    String second = http.post(keys, "{\"active\":true}").body().get("id").asText();

    assertThat(http.patch(keys + "/" + first, "{\"active\":true}").body().get("active").asBoolean()).isTrue();
    assertThat(http.get(keys).body()).extracting(k -> k.get("active").asBoolean()).containsExactly(true, false);
    Http.Answer deleteActive = http.delete(keys + "/" + first);
    assertThat(deleteActive.status()).isEqualTo(400);
    assertThat(deleteActive.code()).isEqualTo("single_sign_on.can_not_delete_active_signing_key");
    assertThat(http.delete(keys + "/" + second).status()).isEqualTo(204);
    assertThat(http.patch(keys + "/" + second, "{\"active\":true}").code()).isEqualTo("entity.not_found");

    Http.Answer oidcKeys = http.get("/sso-connectors/" + oidc + "/signing-keys");
    assertThat(oidcKeys.status()).isEqualTo(404);
    assertThat(oidcKeys.code()).isEqualTo("connector.not_found");
  }

  @Test
  void aDomainsOnlyPatchChangesNothingAsInLogtoAndDeleteRemoves() {
    String id = http.post("/sso-connectors", "{\"providerName\":\"SAML\",\"connectorName\":\"s\","
        + "\"domains\":[\"a.example\"]}").body().get("id").asText();

    Http.Answer domainsOnly = http.patch("/sso-connectors/" + id, "{\"domains\":[\"b.example\"]}");
    assertThat(domainsOnly.body().get("domains").get(0).asText()).isEqualTo("a.example");
    Http.Answer withName = http.patch("/sso-connectors/" + id, "{\"domains\":[\"b.example\"],\"syncProfile\":true}");
    assertThat(withName.body().get("domains").get(0).asText()).isEqualTo("b.example");

    assertThat(http.delete("/sso-connectors/" + id).status()).isEqualTo(204);
    Http.Answer gone = http.get("/sso-connectors/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.code()).isEqualTo("entity.not_exists_with_id");
  }
}

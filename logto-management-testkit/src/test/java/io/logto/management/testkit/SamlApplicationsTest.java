package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class SamlApplicationsTest {
  static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
  static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  @Test
  void createAnswers201WithDefaultsAndAnActiveThreeYearCertificate() throws Exception {
    Http.Answer created = http.post("/saml-applications", "{\"name\":\"sp\",\"entityId\":\"urn:sp\",\"acsUrl\":"
        + "{\"binding\":\"" + POST + "\",\"url\":\"https://sp.example/acs\"},\"attributeMapping\":"
        + "{\"email\":\"mail\",\"unknown\":\"x\"}}");

    assertThat(created.status()).isEqualTo(201);
    JsonNode app = created.body();
    String id = app.get("id").asText();
    assertThat(id).matches("[0-9a-z]{21}");
    assertThat(app.get("type").asText()).isEqualTo("SAML");
    assertThat(app.get("description").isNull()).isTrue();
    assertThat(app.get("nameIdFormat").asText()).isEqualTo(PERSISTENT);
    assertThat(app.get("encryption").isNull()).isTrue();
    // zod keeps the known claims only
    assertThat(app.get("attributeMapping").toString()).isEqualTo("{\"email\":\"mail\"}");
    assertThat(http.get("/saml-applications/" + id).body()).isEqualTo(app);
    assertThat(http.get("/applications/" + id).body().get("type").asText()).isEqualTo("SAML");

    JsonNode secrets = http.get("/saml-applications/" + id + "/secrets").body();
    assertThat(secrets).hasSize(1);
    JsonNode secret = secrets.get(0);
    assertThat(secret.get("active").asBoolean()).isTrue();
    X509Certificate certificate = parse(secret.get("certificate").asText());
    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("C=US,O=Logto,CN=logto.io");
    certificate.verify(certificate.getPublicKey());
    assertThat(certificate.getNotAfter().getTime()).isEqualTo(secret.get("expiresAt").asLong() / 1000 * 1000);
    assertThat(certificate.getNotAfter().toInstant().atZone(ZoneOffset.UTC).getYear())
        .isEqualTo(certificate.getNotBefore().toInstant().atZone(ZoneOffset.UTC).getYear() + 3);
    String sha256 = HexFormat.of().withUpperCase()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    assertThat(secret.at("/fingerprints/sha256/unformatted").asText()).isEqualTo(sha256);
    assertThat(secret.at("/fingerprints/sha256/formatted").asText().replace(":", "")).isEqualTo(sha256);
  }

  @Test
  void wrongTypesAndAnUnsupportedAcsBindingAreRefused() {
    Http.Answer types = http.post("/saml-applications", "{\"name\":12345,\"nameIdFormat\":12345}");
    assertThat(types.status()).isEqualTo(400);
    assertThat(types.code()).isEqualTo("guard.invalid_input");
    assertThat(types.body().at("/data/issues/0/path/0").asText()).isEqualTo("name");
    assertThat(types.body().at("/data/issues/1/code").asText()).isEqualTo("invalid_enum_value");

    Http.Answer redirect = http.post("/saml-applications", "{\"name\":\"sp\",\"acsUrl\":{\"binding\":"
        + "\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\",\"url\":\"https://sp.example/acs\"}}");
    assertThat(redirect.status()).isEqualTo(422);
    assertThat(redirect.code()).isEqualTo("application.saml.acs_url_binding_not_supported");
    assertThat(http.get("/applications?types=SAML").body()).isEmpty();
  }

  @Test
  void updateChangesTheGivenFieldsOnlyAndOtherAppTypesAreRefused() {
    String id = http.post("/saml-applications", "{\"name\":\"sp\",\"description\":\"d\"}").body().get("id").asText();

    Http.Answer updated = http.patch("/saml-applications/" + id, "{\"name\":\"sp2\",\"nameIdFormat\":"
        + "\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\",\"entityId\":\"urn:sp2\"}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().get("name").asText()).isEqualTo("sp2");
    assertThat(updated.body().get("description").asText()).isEqualTo("d");
    assertThat(updated.body().get("entityId").asText()).isEqualTo("urn:sp2");
    assertThat(updated.body().get("nameIdFormat").asText()).endsWith("emailAddress");

    String m2m = http.post("/applications", "{\"name\":\"m\",\"type\":\"MachineToMachine\"}").body().get("id").asText();
    Http.Answer notSaml = http.get("/saml-applications/" + m2m);
    assertThat(notSaml.status()).isEqualTo(422);
    assertThat(notSaml.code()).isEqualTo("application.saml.saml_application_only");
    assertThat(http.delete("/saml-applications/" + m2m).code()).isEqualTo("application.saml.saml_application_only");

    assertThat(http.delete("/saml-applications/" + id).status()).isEqualTo(204);
    Http.Answer gone = http.get("/saml-applications/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.code()).isEqualTo("entity.not_exists_with_id");
    assertThat(http.get("/applications/" + id).status()).isEqualTo(404);
  }

  @Test
  void activatingASecretDeactivatesTheOtherAndOnlyInactiveOnesCanBeDeleted() {
    String id = http.post("/saml-applications", "{\"name\":\"sp\"}").body().get("id").asText();
    String first = http.get("/saml-applications/" + id + "/secrets").body().get(0).get("id").asText();

    Http.Answer created = http.post("/saml-applications/" + id + "/secrets", "{\"lifeSpanInYears\":2}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("active").asBoolean()).isFalse();
    String second = created.body().get("id").asText();

    Http.Answer activeOne = http.delete("/saml-applications/" + id + "/secrets/" + first);
    assertThat(activeOne.status()).isEqualTo(400);
    assertThat(activeOne.code()).isEqualTo("application.saml.can_not_delete_active_secret");

    assertThat(http.patch("/saml-applications/" + id + "/secrets/" + second, "{\"active\":true}").body()
        .get("active").asBoolean()).isTrue();
    assertThat(http.get("/saml-applications/" + id + "/secrets").body())
        .extracting(s -> s.get("id").asText() + "=" + s.get("active").asBoolean())
        .containsExactly(first + "=false", second + "=true");
    assertThat(http.delete("/saml-applications/" + id + "/secrets/" + first).status()).isEqualTo(204);
    assertThat(http.delete("/saml-applications/" + id + "/secrets/" + first).code()).isEqualTo("entity.not_found");

    Http.Answer tooShort = http.post("/saml-applications/" + id + "/secrets", "{\"lifeSpanInYears\":0}");
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(tooShort.body().at("/data/issues/0/code").asText()).isEqualTo("too_small");
    assertThat(http.post("/saml-applications/" + id + "/secrets", "{\"lifeSpanInYears\":1.5}")
        .body().at("/data/issues/0/expected").asText()).isEqualTo("integer");
  }

  @Test
  void metadataIsXmlNamingTheActiveCertificateAndNeedsNoToken() throws Exception {
    String id = http.post("/saml-applications", "{\"name\":\"sp\",\"nameIdFormat\":"
        + "\"urn:oasis:names:tc:SAML:2.0:nameid-format:transient\"}").body().get("id").asText();
    String pem = http.get("/saml-applications/" + id + "/secrets").body().get(0).get("certificate").asText();

    HttpResponse<String> metadata = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(logto.baseUrl() + "/api/saml-applications/" + id + "/metadata")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(metadata.statusCode()).isEqualTo(200);
    assertThat(metadata.headers().firstValue("Content-Type")).contains("text/xml;charset=utf-8");
    String xml = metadata.body();
    assertThat(xml).startsWith("<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\"")
        .contains("entityID=\"" + logto.baseUrl() + "/saml/" + id + "\"")
        .contains("<NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:transient</NameIDFormat>")
        .contains("Location=\"" + logto.baseUrl() + "/api/saml/" + id + "/authn\"");
    String base64 = xml.substring(xml.indexOf("<ds:X509Certificate>") + 20, xml.indexOf("</ds:X509Certificate>"));
    assertThat(parse(pem).getEncoded()).isEqualTo(java.util.Base64.getDecoder().decode(base64));

    Http.Answer missing = http.get("/saml-applications/nope/metadata");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("entity.not_found");
  }

  private static X509Certificate parse(String pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}

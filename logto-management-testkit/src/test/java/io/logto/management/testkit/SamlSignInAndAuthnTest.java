package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The browser-facing SAML endpoints and {@code /api/authn}: what Logto refuses, and the 501s naming what is missing. */
final class SamlSignInAndAuthnTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  @Test
  void redirectBindingRefusesWhatLogtoRefusesAndNamesTheBrowserForAValidRequest() {
    String id = http.post("/saml-applications", "{\"name\":\"sp\",\"entityId\":\"urn:sp\"}").body().get("id").asText();

    Http.Answer noRequest = anonymous("GET", "/saml/" + id + "/authn", null, null);
    assertThat(noRequest.status()).isEqualTo(400);
    assertThat(noRequest.body().get("message").asText()).isEqualTo("The request query is invalid.");

    // Logto's SAML library fails on an undecodable request with a plain error: a 500 without a code
    Http.Answer garbage = anonymous("GET", "/saml/" + id + "/authn?SAMLRequest=not-a-saml-request", null, null);
    assertThat(garbage.status()).isEqualTo(500);
    assertThat(garbage.body().toString()).isEqualTo("{\"message\":\"Internal server error.\"}");

    Http.Answer otherIssuer = anonymous("GET", "/saml/" + id + "/authn?SAMLRequest=" + deflated("urn:other"), null, null);
    assertThat(otherIssuer.status()).isEqualTo(400);
    assertThat(otherIssuer.code()).isEqualTo("application.saml.auth_request_issuer_not_match");

    Http.Answer valid = anonymous("GET", "/saml/" + id + "/authn?SAMLRequest=" + deflated("urn:sp"), null, null);
    assertThat(valid.status()).isEqualTo(501);
    assertThat(valid.code()).isEqualTo("emulator.not_implemented");
    assertThat(valid.body().at("/data/missing").asText()).contains("browser");

    Http.Answer unknownApp = anonymous("GET", "/saml/nope/authn?SAMLRequest=" + deflated("urn:sp"), null, null);
    assertThat(unknownApp.status()).isEqualTo(404);
    assertThat(unknownApp.code()).isEqualTo("entity.not_found");
  }

  @Test
  void postBindingTakesAFormAndRefusesAnUndecodableRequest() {
    String id = http.post("/saml-applications", "{\"name\":\"sp\",\"entityId\":\"urn:sp\"}").body().get("id").asText();

    Http.Answer garbage = anonymous("POST", "/saml/" + id + "/authn", "application/x-www-form-urlencoded",
        "SAMLRequest=not-a-saml-request");
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.code()).isEqualTo("application.saml.invalid_saml_request");

    String plain = Base64.getEncoder().encodeToString(request("urn:sp").getBytes(StandardCharsets.UTF_8));
    Http.Answer valid = anonymous("POST", "/saml/" + id + "/authn", "application/x-www-form-urlencoded",
        "SAMLRequest=" + Http.enc(plain) + "&RelayState=r");
    assertThat(valid.status()).isEqualTo(501);

    Http.Answer types = anonymous("POST", "/saml/" + id + "/authn", "application/json", "{\"SAMLRequest\":12345}");
    assertThat(types.code()).isEqualTo("guard.invalid_input");
  }

  @Test
  void callbackChecksItsQueryBeforeNeedingTheBrowserSession() {
    String id = http.post("/saml-applications", "{\"name\":\"sp\"}").body().get("id").asText();
    String path = "/saml-applications/" + id + "/callback";

    assertThat(anonymous("GET", path, null, null).code()).isEqualTo("guard.invalid_input");
    assertThat(anonymous("GET", path + "?code=c&error=e", null, null).code()).isEqualTo("guard.invalid_input");
    Http.Answer error = anonymous("GET", path + "?error=access_denied&error_description=no", null, null);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.code()).isEqualTo("oidc.invalid_request");
    // a state without the authn endpoint's session cookie (SamlCallbackRulesTest has every case)
    assertThat(anonymous("GET", path + "?code=c&state=s", null, null).code())
        .isEqualTo("application.saml.sp_initiated_saml_sso_session_not_found_in_cookies");
    assertThat(anonymous("GET", path + "?code=c", null, null).status()).isEqualTo(501);
    assertThat(anonymous("GET", "/saml-applications/nope/callback?code=c", null, null).status()).isEqualTo(404);
  }

  @Test
  void hasuraAnswersTheTokensSubjectForItsResourceAndTheFallbackRole() {
    String resource = Http.enc(logto.apiIndicator());
    String clientId = logto.defaultClient().clientId();

    assertThat(http.get("/authn/hasura").body().at("/data/issues/0/path/0").asText()).isEqualTo("resource");
    assertThat(http.get("/authn/hasura?resource=" + resource).body().toString())
        .isEqualTo("{\"X-Hasura-User-Id\":\"" + clientId + "\"}");
    // a token for another resource proves nothing: Logto answers an empty object
    assertThat(http.get("/authn/hasura?resource=https%3A%2F%2Fhasura.example").body().toString()).isEqualTo("{}");
    assertThat(http.get("/authn/hasura?resource=https%3A%2F%2Fhasura.example&unauthorizedRole=guest").body()
        .toString()).isEqualTo("{\"X-Hasura-User-Id\":\"" + clientId + "\",\"X-Hasura-Role\":\"guest\"}");
    assertThat(anonymous("GET", "/authn/hasura?resource=" + resource + "&unauthorizedRole=guest", null, null)
        .body().toString()).isEqualTo("{\"X-Hasura-Role\":\"guest\"}");

    Http.Answer expected = Http.send(HttpRequest.newBuilder(URI.create(logto.baseUrl() + "/api/authn/hasura?resource="
        + resource)).header("Authorization", "Bearer " + http.token()).header("Expected-Role", "admin").build());
    assertThat(expected.status()).isEqualTo(401);
    assertThat(expected.code()).isEqualTo("auth.expected_role_not_found");
  }

  @Test
  void socialSamlAssertionsReachTheConnectorThatCannotTakeThem() {
    String social = http.post("/connectors", "{\"connectorId\":\"mock-social-connector\"}").body().get("id").asText();
    String email = http.post("/connectors", "{\"connectorId\":\"mock-email-service\"}").body().get("id").asText();
    String form = "application/x-www-form-urlencoded";

    Http.Answer missing = anonymous("POST", "/authn/saml/nope", form, "SAMLResponse=x&RelayState=y");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.body().get("message").asText()).isEqualTo("Unable to find available connector with id nope.");
    assertThat(anonymous("POST", "/authn/saml/" + email, form, "SAMLResponse=x&RelayState=y").code())
        .isEqualTo("connector.unexpected_type");
    assertThat(anonymous("POST", "/authn/saml/" + social, form, "SAMLResponse=x").code())
        .isEqualTo("connector.invalid_response");
    Http.Answer notImplemented = anonymous("POST", "/authn/saml/" + social, form, "SAMLResponse=x&RelayState=y");
    assertThat(notImplemented.status()).isEqualTo(501);
    assertThat(notImplemented.code()).isEqualTo("connector.not_implemented");
  }

  @Test
  void ssoAssertionsNeedASamlConnectorAndTheSessionTheirRelayStateNames() {
    String saml = http.post("/sso-connectors", "{\"providerName\":\"SAML\",\"connectorName\":\"s\"}")
        .body().get("id").asText();
    String oidc = http.post("/sso-connectors", "{\"providerName\":\"OIDC\",\"connectorName\":\"o\"}")
        .body().get("id").asText();
    String json = "application/json";

    assertThat(anonymous("POST", "/authn/single-sign-on/saml/" + saml, json, "{}").code())
        .isEqualTo("guard.invalid_input");
    Http.Answer unknown = anonymous("POST", "/authn/single-sign-on/saml/nope", json, "{\"SAMLResponse\":\"x\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("entity.not_exists_with_id");
    assertThat(anonymous("POST", "/authn/single-sign-on/saml/" + oidc, json, "{\"SAMLResponse\":\"x\"}").code())
        .isEqualTo("connector.unexpected_type");
    Http.Answer noRelay = anonymous("POST", "/authn/single-sign-on/saml/" + saml, json, "{\"SAMLResponse\":\"x\"}");
    assertThat(noRelay.status()).isEqualTo(404);
    assertThat(noRelay.code()).isEqualTo("session.connector_validation_session_not_found");
    assertThat(anonymous("POST", "/authn/single-sign-on/saml/" + saml, json,
        "{\"SAMLResponse\":\"x\",\"RelayState\":\"jti\"}").status()).isEqualTo(501);
  }

  /** A call without a token, as a browser or an identity provider makes it. */
  private Http.Answer anonymous(String method, String pathAndQuery, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(logto.baseUrl() + "/api" + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return Http.send(request.build());
  }

  private static String request(String issuer) {
    return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
        + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_r1\" Version=\"2.0\""
        + " IssueInstant=\"2026-11-30T00:00:00Z\"><saml:Issuer>" + issuer + "</saml:Issuer></samlp:AuthnRequest>";
  }

  // the redirect binding: raw DEFLATE, base64, URL-encoded
  private static String deflated(String issuer) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(request(issuer).getBytes(StandardCharsets.UTF_8));
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return Http.enc(Base64.getEncoder().encodeToString(out.toByteArray()));
  }
}

package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token endpoint's checks as oidc-provider 9.11 makes them with Logto's configuration: each
 * application type's grant types (Logto's {@code getConstantClientMetadata}), a grant the client may not
 * use ({@code lib/actions/token.js}: 400 {@code invalid_request}), how a client presents itself
 * ({@code lib/shared/client_auth.js}), and the resource ({@code lib/shared/check_resource.js} and
 * Logto's client credentials grant). Error bodies carry Logto's {@code code} and {@code message}
 * beside oidc-provider's {@code error} and {@code error_description}.
 */
final class TokenGrantRulesTest {
  private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  private static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
  private static final String NOT_ALLOWED = "requested grant type is not allowed for this client";

  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  /** An application of {@code type} (with Logto's custom client metadata) and its secret, null for public types. */
  private record App(String id, String secret) {
    String credentials() {
      return "&client_id=" + Http.enc(id) + (secret == null ? "" : "&client_secret=" + Http.enc(secret));
    }
  }

  private App app(String type, String customClientMetadata) {
    String id = http.post("/applications", "{\"name\":\"" + type + "\",\"type\":\"" + type + "\""
        + (customClientMetadata == null ? "" : ",\"customClientMetadata\":" + customClientMetadata) + "}")
        .body().get("id").asText();
    var secrets = http.get("/applications/" + id + "/secrets").body();
    return new App(id, secrets.isEmpty() ? null : secrets.get(0).get("value").asText());
  }

  static Stream<Arguments> grants() {
    return Stream.of(
        // machine-to-machine: client credentials only
        Arguments.of("MachineToMachine", null, "authorization_code&code=c", 400, "invalid_request", NOT_ALLOWED),
        Arguments.of("MachineToMachine", null, "refresh_token&refresh_token=r", 400, "invalid_request", NOT_ALLOWED),
        Arguments.of("MachineToMachine", null, DEVICE_CODE + "&device_code=d", 400, "invalid_request", NOT_ALLOWED),
        Arguments.of("MachineToMachine", null, TOKEN_EXCHANGE + "&subject_token=s", 400, "invalid_request", NOT_ALLOWED),
        Arguments.of("MachineToMachine", "{\"allowTokenExchange\":true}", TOKEN_EXCHANGE + "&subject_token=s", 400,
            "invalid_grant", "grant request is invalid"),
        Arguments.of("MachineToMachine", null, "implicit", 400, "unsupported_grant_type", "unsupported grant_type requested"),
        Arguments.of("MachineToMachine", null, "password", 400, "unsupported_grant_type", "unsupported grant_type requested"),
        // interactive types: authorization code and refresh token, never client credentials
        Arguments.of("Traditional", null, "client_credentials", 400, "invalid_request", NOT_ALLOWED),
        Arguments.of("Traditional", null, "authorization_code&code=c", 400, "invalid_grant", "grant request is invalid"),
        Arguments.of("Traditional", null, "authorization_code", 400, "invalid_request", "missing required parameter 'code'"),
        Arguments.of("Traditional", null, TOKEN_EXCHANGE + "&subject_token=s", 400, "invalid_request", NOT_ALLOWED),
        Arguments.of("SPA", null, "client_credentials", 400, "invalid_request", NOT_ALLOWED),
        Arguments.of("SPA", null, "refresh_token&refresh_token=r", 400, "invalid_grant", "grant request is invalid"),
        Arguments.of("Native", null, "client_credentials", 400, "invalid_request", NOT_ALLOWED),
        Arguments.of("Native", null, DEVICE_CODE + "&device_code=d", 400, "invalid_request", NOT_ALLOWED),
        // a device-flow native app: device code and refresh token, no authorization code
        Arguments.of("Native", "{\"isDeviceFlow\":true}", DEVICE_CODE + "&device_code=d", 400, "invalid_grant",
            "grant request is invalid"),
        Arguments.of("Native", "{\"isDeviceFlow\":true}", "authorization_code&code=c", 400, "invalid_request", NOT_ALLOWED));
  }

  @ParameterizedTest(name = "{0} {1}: grant_type={2} -> {3} {4}")
  @MethodSource("grants")
  void eachApplicationTypeMayUseItsGrantTypesOnly(String type, String metadata, String grant, int status, String error,
      String description) {
    App app = app(type, metadata);

    Http.Answer answer = http.tokenForm("grant_type=" + grant + app.credentials() + "&resource="
        + Http.enc(logto.apiIndicator()), null);

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
    assertThat(answer.body().get("error").asText()).isEqualTo(error);
    assertThat(answer.body().get("error_description").asText()).isEqualTo(description);
    assertThat(answer.code()).isEqualTo("oidc." + error);
    assertThat(answer.body().path("message").asText()).isNotBlank();
    // Logto's error handler links invalid_grant to its debugging page
    assertThat(answer.body().has("error_uri")).isEqualTo(error.equals("invalid_grant"));
  }

  @Test
  void aGrantTheClientMayNotUseIsAnInvalidRequestWithLogtosMessage() {
    App traditional = app("Traditional", null);

    Http.Answer answer = http.tokenForm("grant_type=client_credentials" + traditional.credentials(), null);

    assertThat(answer.body().get("message").asText()).isEqualTo("Request is invalid.");
    assertThat(answer.header("cache-control")).isEqualTo("no-store");
  }

  @Test
  void invalidGrantLinksToLogtosDebugPage() {
    App traditional = app("Traditional", null);

    Http.Answer answer = http.tokenForm("grant_type=authorization_code&code=c" + traditional.credentials(), null);

    assertThat(answer.body().get("error_uri").asText()).isEqualTo("https://openid.sh/debug/invalid_grant");
    assertThat(answer.body().get("message").asText()).isEqualTo("Grant request is invalid.");
  }

  @Test
  void aPublicClientPresentingASecretFailsAuthentication() {
    App spa = app("SPA", null);

    Http.Answer answer = http.tokenForm("grant_type=authorization_code&code=c&client_id=" + Http.enc(spa.id())
        + "&client_secret=anything", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.code()).isEqualTo("oidc.invalid_client");
    assertThat(answer.body().get("error_description").asText()).isEqualTo("client authentication failed");
  }

  @Test
  void aConfidentialClientWithoutASecretFailsAuthentication() {
    App traditional = app("Traditional", null);

    Http.Answer answer = http.tokenForm("grant_type=authorization_code&code=c&client_id=" + Http.enc(traditional.id()),
        null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.code()).isEqualTo("oidc.invalid_client");
  }

  @Test
  void aFailedBasicAuthenticationSaysHowInWwwAuthenticate() {
    String basic = basic(logto.defaultClient().clientId(), "wrong");

    Http.Answer answer = http.tokenForm("grant_type=client_credentials&resource=" + Http.enc(logto.apiIndicator()),
        basic);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("www-authenticate")).isEqualTo("Basic realm=\"" + logto.baseUrl() + "/oidc\", "
        + "error=\"invalid_client\", error_description=\"client authentication failed\"");
  }

  static Stream<Arguments> presentations() {
    return Stream.of(
        Arguments.of("no client id", null, "", "no client authentication mechanism provided"),
        Arguments.of("a bearer header", "Bearer abc", "", "invalid authorization header value format"),
        Arguments.of("a basic header without a colon", "Basic " + Base64.getEncoder().encodeToString(
            "no-colon".getBytes(StandardCharsets.UTF_8)), "", "invalid authorization header value format"),
        Arguments.of("a basic header with an empty secret", "Basic " + Base64.getEncoder().encodeToString(
            "someone:".getBytes(StandardCharsets.UTF_8)), "", "client_secret must be provided in the Authorization header"),
        Arguments.of("basic and a body secret", "Basic " + Base64.getEncoder().encodeToString(
            "someone:secret".getBytes(StandardCharsets.UTF_8)), "&client_secret=other",
            "client authentication must only be provided using one mechanism"),
        Arguments.of("basic for another client id", "Basic " + Base64.getEncoder().encodeToString(
            "someone:secret".getBytes(StandardCharsets.UTF_8)), "&client_id=someone-else", "client_id mismatch"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presentations")
  void aMalformedOrAmbiguousClientPresentationIsAnInvalidRequest(String what, String authorization, String form,
      String description) {
    Http.Answer answer = http.tokenForm("grant_type=client_credentials" + form, authorization);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("oidc.invalid_request");
    assertThat(answer.body().get("error_description").asText()).isEqualTo(description);
  }

  static Stream<Arguments> resources() {
    return Stream.of(
        Arguments.of("", "both `resource` and `organization_id` are not provided"),
        Arguments.of("&resource=api", "resource indicator must be an absolute URI"),
        Arguments.of("&resource=" + Http.enc("https://api.example.com/#part"),
            "resource indicator must not contain a fragment component"),
        Arguments.of("&resource=" + Http.enc("https://unknown.example.com"), "resource indicator is missing, or unknown"));
  }

  @ParameterizedTest(name = "resource{0}")
  @MethodSource("resources")
  void theResourceIsCheckedAsLogtoChecksIt(String resource, String description) {
    ClientCredentials client = logto.defaultClient();

    Http.Answer answer = http.tokenForm("grant_type=client_credentials&client_id=" + Http.enc(client.clientId())
        + "&client_secret=" + Http.enc(client.clientSecret()) + resource, null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("oidc.invalid_target");
    assertThat(answer.body().get("message").asText()).isEqualTo("Invalid resource indicator.");
    assertThat(answer.body().get("error_description").asText()).isEqualTo(description);
  }

  @Test
  void withoutAResourceTheDefaultApiIsUsed() {
    String resource = http.post("/resources", "{\"name\":\"default api\",\"indicator\":\"https://default.example.com\"}")
        .body().get("id").asText();
    http.patch("/resources/" + resource + "/is-default", "{\"isDefault\":true}");
    ClientCredentials client = logto.defaultClient();

    Http.Answer answer = http.tokenForm("grant_type=client_credentials&client_id=" + Http.enc(client.clientId())
        + "&client_secret=" + Http.enc(client.clientSecret()), null);

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    assertThat(answer.body().has("scope")).isFalse();
  }

  private static String basic(String clientId, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}

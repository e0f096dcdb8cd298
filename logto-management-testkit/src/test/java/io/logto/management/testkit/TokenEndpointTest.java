package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class TokenEndpointTest {
  private static final ClientCredentials NO_ROLE = new ClientCredentials("no-role-app", "no-role-secret");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.builder().clock(clock).client(NO_ROLE, false).start();
  private final Http http = new Http(logto);


  private String form(String clientId, String secret, String resource, String scope) {
    return "grant_type=client_credentials&client_id=" + Http.enc(clientId) + "&client_secret=" + Http.enc(secret)
        + "&resource=" + Http.enc(resource) + (scope == null ? "" : "&scope=" + Http.enc(scope));
  }

  @Test
  void issuesBearerTokenWithScopeAllForSecretInFormBody() {
    ClientCredentials client = logto.defaultClient();
    Http.Answer answer = http.tokenForm(form(client.clientId(), client.clientSecret(), logto.apiIndicator(), "all"), null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("cache-control")).isEqualTo("no-store");
    assertThat(answer.body().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(answer.body().get("expires_in").asLong()).isEqualTo(3600);
    assertThat(answer.body().get("scope").asText()).isEqualTo("all");
    assertThat(answer.body().get("access_token").asText().split("\\.")).hasSize(3);
    assertThat(logto.tokenRequestCount()).isEqualTo(1);
  }

  @Test
  void acceptsHttpBasicClientAuthentication() {
    ClientCredentials client = logto.defaultClient();
    String basic = Base64.getEncoder().encodeToString(
        (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
    Http.Answer answer = http.tokenForm("grant_type=client_credentials&resource=" + Http.enc(logto.apiIndicator())
        + "&scope=all", "Basic " + basic);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("scope").asText()).isEqualTo("all");
  }

  @Test
  void wrongSecretAnswers401InvalidClient() {
    Http.Answer answer = http.tokenForm(form(logto.defaultClient().clientId(), "wrong", logto.apiIndicator(), "all"),
        null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.code()).isEqualTo("oidc.invalid_client");
    assertThat(answer.body().get("error_description").asText()).isEqualTo("client authentication failed");
  }

  @Test
  void unknownClientAnswers400InvalidClient() {
    Http.Answer answer = http.tokenForm(form("nobody", "x", logto.apiIndicator(), "all"), null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("oidc.invalid_client");
    assertThat(answer.body().get("error_description").asText()).isEqualTo("invalid client nobody");
  }

  @Test
  void unknownResourceAnswers400InvalidTarget() {
    ClientCredentials client = logto.defaultClient();
    Http.Answer answer = http.tokenForm(form(client.clientId(), client.clientSecret(), "https://nope.example/api", "all"),
        null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("oidc.invalid_target");
  }

  @Test
  void missingGrantTypeAnswers400InvalidRequest() {
    ClientCredentials client = logto.defaultClient();
    Http.Answer answer = http.tokenForm("client_id=" + Http.enc(client.clientId()) + "&client_secret="
        + Http.enc(client.clientSecret()), null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("oidc.invalid_request");
    assertThat(answer.body().get("error_description").asText()).isEqualTo("missing required parameter 'grant_type'");
  }

  @Test
  void jsonBodyIsAcceptedLikeAForm() {
    ClientCredentials client = logto.defaultClient();
    String json = "{\"grant_type\":\"client_credentials\",\"client_id\":\"" + client.clientId()
        + "\",\"client_secret\":\"" + client.clientSecret() + "\",\"resource\":\"" + logto.apiIndicator()
        + "\",\"scope\":\"all\"}";
    Http.Answer answer = postToken("application/json; charset=utf-8", json);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("scope").asText()).isEqualTo("all");
  }

  @Test
  void malformedJsonBodyCarriesNoClientAuthentication() {
    Http.Answer answer = postToken("application/json", "this is not a json");

    // oidc-provider 9 (lib/shared/client_auth.js): no client id is an invalid request
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("oidc.invalid_request");
    assertThat(answer.body().get("error_description").asText()).isEqualTo("no client authentication mechanism provided");
  }

  @Test
  void otherContentTypeAnswers400InvalidRequest() {
    Http.Answer answer = postToken("application/json1", "{\"grant_type\":\"client_credentials\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("oidc.invalid_request");
    assertThat(answer.body().get("error_description").asText())
        .isEqualTo("only application/x-www-form-urlencoded content-type bodies are supported on POST /token");
  }

  @Test
  void grantTypeUnknownToLogtoAnswers400UnsupportedGrantType() {
    ClientCredentials client = logto.defaultClient();
    Http.Answer answer = http.tokenForm("grant_type=password&client_id=" + Http.enc(client.clientId())
        + "&client_secret=" + Http.enc(client.clientSecret()), null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("oidc.unsupported_grant_type");
    assertThat(answer.body().get("message").asText()).isEqualTo("Unsupported `grant_type` requested.");
    assertThat(answer.body().get("error_description").asText()).isEqualTo("unsupported grant_type requested");
  }

  @Test
  void grantTypeNotAllowedForAMachineToMachineAppAnswers400InvalidRequest() {
    ClientCredentials client = logto.defaultClient();
    Http.Answer answer = http.tokenForm("grant_type=authorization_code&code=x&client_id="
        + Http.enc(client.clientId()) + "&client_secret=" + Http.enc(client.clientSecret()), null);

    // oidc-provider 9 (lib/actions/token.js) answers invalid_request, not unauthorized_client
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("oidc.invalid_request");
    assertThat(answer.body().get("error_description").asText())
        .isEqualTo("requested grant type is not allowed for this client");
  }

  @Test
  void clientIsAuthenticatedBeforeTheGrantTypeIsChecked() {
    Http.Answer answer = http.tokenForm("grant_type=password&client_id=" + Http.enc(logto.defaultClient().clientId())
        + "&client_secret=wrong", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.code()).isEqualTo("oidc.invalid_client");
  }

  private Http.Answer postToken(String contentType, String body) {
    return Http.send(java.net.http.HttpRequest.newBuilder(logto.tokenEndpoint())
        .header("Content-Type", contentType)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
  }

  @Test
  void scopeNotGrantedGivesTokenWithoutScopeThatTheApiForbids() {
    ClientCredentials client = logto.defaultClient();
    Http.Answer answer = http.tokenForm(
        form(client.clientId(), client.clientSecret(), logto.apiIndicator(), "read:everything"), null);

    assertTokenWithoutScopeIsForbidden(answer);
  }

  @Test
  void clientWithoutManagementRoleGetsTokenWithoutScopeAndTheApiAnswers403() {
    Http.Answer answer = http.token(NO_ROLE);

    assertTokenWithoutScopeIsForbidden(answer);
  }

  private void assertTokenWithoutScopeIsForbidden(Http.Answer answer) {
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().has("scope")).isFalse();
    Http.Answer api = http.callWith("Bearer " + answer.body().get("access_token").asText(), "GET", "/users", null);
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.code()).isEqualTo("auth.forbidden");
  }

  @Test
  void tokenExpiresWhenTheClockPassesItsLifetime() {
    String token = http.token();
    assertThat(http.get("/users").status()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(3600));

    Http.Answer api = http.callWith("Bearer " + token, "GET", "/users", null);
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.code()).isEqualTo("auth.unauthorized");
    assertThat(api.body().at("/data/code").asText()).isEqualTo("ERR_JWT_EXPIRED");
  }

  @Test
  void expireAllTokensRejectsEveryEarlierTokenButNotLaterOnes() {
    String before = http.token();
    logto.expireAllTokens();

    assertThat(http.callWith("Bearer " + before, "GET", "/users", null).body().at("/data/code").asText())
        .isEqualTo("ERR_JWT_EXPIRED");
    String after = http.token(logto.defaultClient()).body().get("access_token").asText();
    assertThat(http.callWith("Bearer " + after, "GET", "/users", null).status()).isEqualTo(200);
  }

  @Test
  void tokenLifetimeIsConfigurable() {
    try (LogtoEmulator shortLived = LogtoEmulator.builder().tokenLifetime(Duration.ofSeconds(5)).start()) {
      Http.Answer answer = new Http(shortLived).token(shortLived.defaultClient());
      assertThat(answer.body().get("expires_in").asLong()).isEqualTo(5);
    }
  }

  @Test
  void tokenForOwnResourceCarriesScopesGrantedThroughApplicationRoles() {
    String resourceId = http.post("/resources", "{\"name\":\"Orders\",\"indicator\":\"https://orders.example\"}")
        .body().get("id").asText();
    String scopeId = http.post("/resources/" + resourceId + "/scopes", "{\"name\":\"read:orders\"}")
        .body().get("id").asText();
    String roleId = http.post("/roles", "{\"name\":\"orders-reader\",\"description\":\"reads\","
        + "\"type\":\"MachineToMachine\",\"scopeIds\":[\"" + scopeId + "\"]}").body().get("id").asText();
    ClientCredentials client = logto.defaultClient();
    assertThat(http.post("/applications/" + client.clientId() + "/roles", "{\"roleIds\":[\"" + roleId + "\"]}")
        .status()).isEqualTo(201);

    Http.Answer answer = http.tokenForm(
        form(client.clientId(), client.clientSecret(), "https://orders.example", "read:orders write:orders"), null);

    assertThat(answer.body().get("scope").asText()).isEqualTo("read:orders");
    Http.Answer api = http.callWith("Bearer " + answer.body().get("access_token").asText(), "GET", "/users", null);
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.body().at("/data/code").asText()).isEqualTo("ERR_JWT_CLAIM_VALIDATION_FAILED");
  }

  @Test
  void secretCreatedThroughTheApiAuthenticatesItsApplication() {
    String appId = http.post("/applications", "{\"name\":\"worker\",\"type\":\"MachineToMachine\"}")
        .body().get("id").asText();
    String secret = http.post("/applications/" + appId + "/secrets", "{\"name\":\"ci\"}").body().get("value").asText();

    Http.Answer answer = http.token(new ClientCredentials(appId, secret));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().has("scope")).isFalse();
  }
}

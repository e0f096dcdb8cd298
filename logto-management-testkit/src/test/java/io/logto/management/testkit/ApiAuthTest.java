package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class ApiAuthTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);


  @Test
  void missingAuthorizationHeaderAnswers401() {
    Http.Answer answer = http.callWith(null, "GET", "/users", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.code()).isEqualTo("auth.authorization_header_missing");
    assertThat(answer.header("Logto-Core-Request-Id")).hasSize(16);
  }

  @Test
  void malformedBearerTokenAnswers401JwsInvalid() {
    Http.Answer answer = http.callWith("Bearer not-a-jwt", "GET", "/users", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.code()).isEqualTo("auth.unauthorized");
    assertThat(answer.body().at("/data/code").asText()).isEqualTo("ERR_JWS_INVALID");
  }

  @Test
  void tokenFromAnotherServerAnswers401() {
    String foreign;
    try (LogtoEmulator other = LogtoEmulator.start()) {
      foreign = new Http(other).token();
    }

    Http.Answer answer = http.callWith("Bearer " + foreign, "GET", "/users", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.code()).isEqualTo("auth.unauthorized");
  }

  @Test
  void basicSchemeAnswers401TypeNotSupported() {
    Http.Answer answer = http.callWith("Basic Zm9vOmJhcg==", "GET", "/users", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.code()).isEqualTo("auth.authorization_token_type_not_supported");
    assertThat(answer.body().at("/data/supportedTypes/0").asText()).isEqualTo("Bearer");
  }

  @Test
  void statusAndWellKnownEndpointsNeedNoToken() {
    Http.Answer status = http.callWith(null, "GET", "/status", null);
    assertThat(status.status()).isEqualTo(204);
    assertThat(status.header("Logto-Core-Request-Id")).isNotNull();

    Http.Answer wellKnown = http.callWith(null, "GET", "/.well-known/sign-in-exp", null);
    assertThat(wellKnown.status()).isEqualTo(200);
    assertThat(wellKnown.body().get("id").asText()).isEqualTo("default");
  }

  @Test
  void everyResponseCarriesItsOwnRequestId() {
    String first = http.get("/users").header("Logto-Core-Request-Id");
    String second = http.get("/users").header("Logto-Core-Request-Id");

    assertThat(first).isNotEqualTo(second);
  }
}

package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SAML application callback ({@code GET /api/saml-applications/{id}/callback}, which Logto answers
 * without a token) checks what Logto's {@code routes/saml-application/anonymous.ts} and {@code utils.ts}
 * check, in that order: the query, the application (with an active certificate), the redirect URI, and,
 * when the sign-in carries a {@code state}, the session cookie the SAML authn endpoint set. Only the
 * code exchange itself, which needs Logto's OIDC provider, answers 501.
 */
final class SamlCallbackRulesTest {
  private static final String COOKIE = "_logto_sp_saml_sso_session_id";

  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("neither code nor error", "", null, 400, "guard.invalid_input"),
        Arguments.of("code and error", "code=c&error=e", null, 400, "guard.invalid_input"),
        Arguments.of("error with a state", "error=access_denied&state=s", null, 400, "guard.invalid_input"),
        Arguments.of("an error from the sign-in", "error=access_denied&error_description=no", null, 400,
            "oidc.invalid_request"),
        Arguments.of("another redirect URI", "code=c&redirectUri=" + Http.enc("https://elsewhere.example/cb"), null,
            400, "oidc.invalid_redirect_uri"),
        Arguments.of("a state without the session cookie", "code=c&state=s", null, 400,
            "application.saml.sp_initiated_saml_sso_session_not_found_in_cookies"),
        Arguments.of("a state with an empty session cookie", "code=c&state=s", COOKIE + "=", 400,
            "application.saml.sp_initiated_saml_sso_session_not_found_in_cookies"),
        Arguments.of("a state with another cookie only", "code=c&state=s", "other=1", 400,
            "application.saml.sp_initiated_saml_sso_session_not_found_in_cookies"),
        Arguments.of("a state with a session no sign-in started", "code=c&state=s", "a=1; " + COOKIE + "=unknown", 400,
            "application.saml.sp_initiated_saml_sso_session_not_found"),
        Arguments.of("a code without a state", "code=c", null, 501, "emulator.not_implemented"));
  }

  @ParameterizedTest(name = "{0} -> {3} {4}")
  @MethodSource("cases")
  void theCallbackAnswersAsLogtoDoes(String what, String query, String cookie, int status, String code) {
    String id = samlApplication();

    Http.Answer answer = callback(id, query, cookie);

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
    assertThat(answer.code()).isEqualTo(code);
    assertThat(answer.body().get("message").asText()).isNotBlank();
  }

  @Test
  void theMessagesAreLogtosPhrases() {
    String id = samlApplication();

    assertThat(callback(id, "code=c&state=s", null).body().get("message").asText())
        .isEqualTo("Service provider initiated SAML SSO session ID not found in cookies.");
    assertThat(callback(id, "error=access_denied", null).body().get("message").asText())
        .isEqualTo("Request is invalid.");
  }

  @Test
  void itsOwnUrlAsRedirectUriIsAccepted() {
    String id = samlApplication();
    String own = logto.baseUrl() + "/api/saml-applications/" + id + "/callback";

    assertThat(callback(id, "code=c&redirectUri=" + Http.enc(own), null).status()).isEqualTo(501);
  }

  @Test
  void aMissingApplicationIsCheckedAfterTheQueryAndBeforeTheCookie() {
    assertThat(callback("nope", "", null).code()).isEqualTo("guard.invalid_input");
    Http.Answer missing = callback("nope", "code=c&state=s", null);

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("entity.not_found");
  }

  private String samlApplication() {
    return http.post("/saml-applications", "{\"name\":\"sp\"}").body().get("id").asText();
  }

  private Http.Answer callback(String id, String query, String cookie) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(logto.baseUrl() + "/api/saml-applications/" + id
        + "/callback" + (query.isEmpty() ? "" : "?" + query))).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return Http.send(request.build());
  }
}

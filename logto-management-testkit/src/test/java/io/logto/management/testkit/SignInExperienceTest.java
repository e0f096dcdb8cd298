package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

final class SignInExperienceTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  @Test
  void aFreshSignInExperienceIsLogtosDefault() {
    JsonNode sie = http.get("/sign-in-exp").body();
    assertThat(sie.get("id").asText()).isEqualTo("default");
    assertThat(sie.at("/color/primaryColor").asText()).isEqualTo("#6139F6");
    assertThat(sie.at("/languageInfo/fallbackLanguage").asText()).isEqualTo("en");
    assertThat(sie.at("/signUp/identifiers/0").asText()).isEqualTo("username");
    assertThat(sie.at("/signIn/methods/0/isPasswordPrimary").asBoolean()).isTrue();
    assertThat(sie.get("signInMode").asText()).isEqualTo("SignInAndRegister");
    assertThat(sie.get("passwordPolicy").isEmpty()).isTrue();
    assertThat(sie.get("customCss").isNull()).isTrue();
    assertThat(sie.at("/usernamePolicy/maxLength").asInt()).isEqualTo(128);
  }

  @Test
  void updateReplacesTheFieldsSentAndFillsPasswordPolicyDefaults() {
    JsonNode updated = http.patch("/sign-in-exp?removeUnusedDemoSocialConnector=false",
        "{\"customCss\":\"a{}\",\"color\":{\"primaryColor\":\"#abc\",\"isDarkModeEnabled\":true,"
            + "\"darkPrimaryColor\":\"#123456\"},\"passwordPolicy\":{\"rejects\":{\"pwned\":false}},\"nope\":1}").body();
    assertThat(updated.get("customCss").asText()).isEqualTo("a{}");
    assertThat(updated.at("/color/isDarkModeEnabled").asBoolean()).isTrue();
    assertThat(updated.get("passwordPolicy").toString())
        .isEqualTo("{\"rejects\":{\"pwned\":false,\"repetitionAndSequence\":true,\"userInfo\":true,\"words\":[]}}");
    assertThat(updated.has("nope")).isFalse();
    assertThat(http.get("/sign-in-exp").body()).isEqualTo(updated);
    assertThat(http.patch("/sign-in-exp", "{\"customCss\":null}").body().get("customCss").isNull()).isTrue();
  }

  @Test
  void updateValidatesShapesThenSignUpAndSignInRules() {
    Http.Answer badColor = http.patch("/sign-in-exp",
        "{\"color\":{\"primaryColor\":\"red\",\"isDarkModeEnabled\":false,\"darkPrimaryColor\":\"#fff\"}}");
    assertThat(badColor.code()).isEqualTo("guard.invalid_input");
    assertThat(badColor.body().at("/data/issues/0/path").toString()).isEqualTo("[\"color\",\"primaryColor\"]");

    Http.Answer badUrl = http.patch("/sign-in-exp", "{\"termsOfUseUrl\":\"not a url\"}");
    assertThat(badUrl.body().at("/data/issues/0/validation").asText()).isEqualTo("url");
    assertThat(http.patch("/sign-in-exp", "{\"termsOfUseUrl\":\"\"}").status()).isEqualTo(200);
    assertThat(http.patch("/sign-in-exp", "{\"branding\":{\"logoUrl\":\"logo.svg\"}}").body()
        .at("/data/issues/0/path").toString()).isEqualTo("[\"branding\",\"logoUrl\"]");

    Http.Answer badMethod = http.patch("/sign-in-exp", "{\"signIn\":{\"methods\":[{\"identifier\":\"fax\","
        + "\"password\":true,\"verificationCode\":false,\"isPasswordPrimary\":true}]}}");
    assertThat(badMethod.body().at("/data/issues/0/path").toString())
        .isEqualTo("[\"signIn\",\"methods\",0,\"identifier\"]");

    Http.Answer noPassword = http.patch("/sign-in-exp",
        "{\"signUp\":{\"identifiers\":[\"username\"],\"password\":false,\"verify\":false}}");
    assertThat(noPassword.code()).isEqualTo("sign_in_experiences.username_requires_password");
    // e-mail sign-up needs an e-mail connector, which a fresh Logto does not have
    Http.Answer email = http.patch("/sign-in-exp",
        "{\"signUp\":{\"identifiers\":[\"email\"],\"password\":true,\"verify\":true}}");
    assertThat(email.code()).isEqualTo("sign_in_experiences.enabled_connector_not_found");
    assertThat(email.body().get("message").asText()).isEqualTo("Enabled Email connector not found.");
    Http.Answer noFactor = http.patch("/sign-in-exp", "{\"signIn\":{\"methods\":[{\"identifier\":\"username\","
        + "\"password\":false,\"verificationCode\":false,\"isPasswordPrimary\":true}]}}");
    assertThat(noFactor.code()).isEqualTo("sign_in_experiences.at_least_one_authentication_factor");
    Http.Answer backupOnly = http.patch("/sign-in-exp",
        "{\"mfa\":{\"factors\":[\"BackupCode\"],\"policy\":\"UserControlled\"}}");
    assertThat(backupOnly.code()).isEqualTo("sign_in_experiences.backup_code_cannot_be_enabled_alone");
    Http.Answer unknownField = http.patch("/sign-in-exp", "{\"signUpProfileFields\":[{\"name\":\"company\"}]}");
    assertThat(unknownField.code()).isEqualTo("custom_profile_fields.entity_not_exists_with_names");

    assertThat(http.get("/sign-in-exp").body().at("/signUp/password").asBoolean()).isTrue();
  }

  @Test
  void emailSignUpAndSocialTargetsFollowTheConnectorsThatExist() {
    String emailSignUp = "{\"signUp\":{\"identifiers\":[\"email\"],\"password\":true,\"verify\":true},"
        + "\"socialSignInConnectorTargets\":[\"mock-social\",\"google\"]}";
    assertThat(http.patch("/sign-in-exp", emailSignUp).code()).isEqualTo("sign_in_experiences.enabled_connector_not_found");
    assertThat(http.post("/connectors", "{\"connectorId\":\"mock-email-service\",\"config\":{\"apiKey\":\"k\","
        + "\"fromEmail\":\"noreply@example.com\",\"templates\":[]}}").status()).isEqualTo(200);
    assertThat(http.post("/connectors", "{\"connectorId\":\"mock-social-connector\",\"config\":{}}").status())
        .isEqualTo(200);

    JsonNode updated = http.patch("/sign-in-exp", emailSignUp).body();
    assertThat(updated.at("/signUp/identifiers/0").asText()).isEqualTo("email");
    // targets without a social connector are dropped
    assertThat(updated.get("socialSignInConnectorTargets")).extracting(JsonNode::asText).containsExactly("mock-social");
    // a password reset by e-mail code needs the connector and the method chosen
    assertThat(http.callWith(null, "GET", "/.well-known/sign-in-exp", null).body().at("/forgotPassword/email")
        .asBoolean()).isFalse();
    http.patch("/sign-in-exp", "{\"forgotPasswordMethods\":[\"EmailVerificationCode\"]}");
    JsonNode wellKnown = http.callWith(null, "GET", "/.well-known/sign-in-exp", null).body();
    assertThat(wellKnown.at("/forgotPassword/email").asBoolean()).isTrue();
    assertThat(wellKnown.at("/forgotPassword/phone").asBoolean()).isFalse();
  }

  @Test
  void checkPasswordAppliesThePolicyOnceThePwnedCheckIsOff() {
    // the default policy asks haveibeenpwned.com: the emulator says what it is missing
    Http.Answer pwned = http.post("/sign-in-exp/default/check-password", "{\"password\":\"x\"}");
    assertThat(pwned.status()).isEqualTo(501);
    assertThat(pwned.body().at("/data/missing").asText()).contains("internet");

    http.patch("/sign-in-exp", "{\"passwordPolicy\":{\"rejects\":{\"pwned\":false}}}");
    String userId = http.post("/users", "{\"username\":\"alice_smith\"}").body().get("id").asText();
    Http.Answer noUser = http.post("/sign-in-exp/default/check-password", "{\"password\":\"Zx9!long-enough\"}");
    assertThat(noUser.code()).isEqualTo("request.invalid_input");

    Http.Answer weak = http.post("/sign-in-exp/default/check-password",
        "{\"password\":\"alice_smith1\",\"userId\":\"" + userId + "\"}");
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.body().get("result").asBoolean()).isFalse();
    assertThat(weak.body().get("issues")).extracting(i -> i.get("code").asText())
        .containsExactly("password_rejected.restricted.user_info");
    Http.Answer shortOne = http.post("/sign-in-exp/default/check-password",
        "{\"password\":\"aaa\",\"userId\":\"" + userId + "\"}");
    assertThat(shortOne.body().get("issues")).extracting(i -> i.get("code").asText())
        .containsExactly("password_rejected.too_short", "password_rejected.restricted.repetition");
    assertThat(shortOne.body().at("/issues/0/interpolation/min").asInt()).isEqualTo(8);
    Http.Answer strong = http.post("/sign-in-exp/default/check-password",
        "{\"password\":\"Zx9!extra-Str0ng-qLm#\",\"userId\":\"" + userId + "\"}");
    assertThat(strong.status()).isEqualTo(200);
    assertThat(strong.body().toString()).isEqualTo("{\"result\":true}");
  }

  @Test
  void usernameConflictsGroupUsersWhoseNamesDifferOnlyInCase() {
    http.post("/users", "{\"username\":\"Bob\"}");
    http.post("/users", "{\"username\":\"bob\"}");
    http.post("/users", "{\"username\":\"carol\"}");
    JsonNode conflicts = http.get("/sign-in-exp/username-policy/case-sensitivity-conflicts?limit=10").body();
    assertThat(conflicts.get("totalConflicts").asInt()).isEqualTo(1);
    assertThat(conflicts.at("/samples/0/usernameLower").asText()).isEqualTo("bob");
    assertThat(conflicts.at("/samples/0/userIds")).hasSize(2);

    Http.Answer upload = http.post("/sign-in-exp/default/custom-ui-assets", "{}");
    assertThat(upload.code()).isEqualTo("storage.not_configured");
  }
}

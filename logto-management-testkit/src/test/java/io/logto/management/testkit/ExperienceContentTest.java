package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Custom phrases, e-mail templates, custom profile fields, the account center and the captcha provider. */
final class ExperienceContentTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  @Test
  void customPhrasesAreReplacedPerLanguageAndTheDefaultLanguageCannotBeDeleted() {
    assertThat(http.get("/custom-phrases").body()).isEmpty();
    Http.Answer created = http.put("/custom-phrases/tr-TR", "{\"input\":{\"username\":\"Kullanici\",\"email\":\"\"}}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("languageTag").asText()).isEqualTo("tr-TR");
    // empty strings are dropped, as Logto cleans the translation before storing it
    assertThat(created.body().get("translation").toString()).isEqualTo("{\"input\":{\"username\":\"Kullanici\"}}");
    String id = created.body().get("id").asText();
    Http.Answer replaced = http.put("/custom-phrases/tr-TR", "{\"action\":{\"sign_in\":\"Giris\"}}");
    assertThat(replaced.body().get("id").asText()).isEqualTo(id);
    assertThat(http.get("/custom-phrases/tr-TR").body().at("/translation/action/sign_in").asText()).isEqualTo("Giris");

    Http.Answer notString = http.put("/custom-phrases/fr", "{\"input\":{\"username\":1}}");
    assertThat(notString.body().at("/data/issues/0/path").toString()).isEqualTo("[\"input\",\"username\"]");
    assertThat(http.get("/custom-phrases/xx-XX").status()).isEqualTo(400);
    assertThat(http.get("/custom-phrases/fr").code()).isEqualTo("entity.not_found");

    http.put("/custom-phrases/en", "{\"input\":{\"username\":\"User\"}}");
    Http.Answer fallback = http.delete("/custom-phrases/en");
    assertThat(fallback.status()).isEqualTo(409);
    assertThat(fallback.code()).isEqualTo("localization.cannot_delete_default_language");
    assertThat(http.delete("/custom-phrases/tr-TR").status()).isEqualTo(204);
    assertThat(http.delete("/custom-phrases/tr-TR").status()).isEqualTo(404);
    assertThat(http.get("/custom-phrases").body()).extracting(p -> p.get("languageTag").asText()).containsExactly("en");
  }

  @Test
  void emailTemplatesAreUpsertedPerLanguageAndTypeAndDeletedByFilter() {
    String templates = "{\"templates\":[{\"languageTag\":\"de\",\"templateType\":\"SignIn\",\"details\":"
        + "{\"subject\":\"Code\",\"content\":\"<p>{{code}}</p>\",\"contentType\":\"text/html\"}},"
        + "{\"languageTag\":\"de\",\"templateType\":\"Register\",\"details\":{\"subject\":\"Reg\",\"content\":\"{{code}}\"}}]}";
    JsonNode saved = http.put("/email-templates", templates).body();
    assertThat(saved).hasSize(2);
    String signInId = saved.get(0).get("id").asText();
    // the same language and type again keeps the row
    JsonNode again = http.put("/email-templates", templates).body();
    assertThat(again.get(0).get("id").asText()).isEqualTo(signInId);
    assertThat(http.get("/email-templates").body()).hasSize(2);

    JsonNode patched = http.patch("/email-templates/" + signInId + "/details", "{\"subject\":\"Code 2\"}").body();
    assertThat(patched.at("/details/subject").asText()).isEqualTo("Code 2");
    assertThat(patched.at("/details/contentType").asText()).isEqualTo("text/html");
    assertThat(http.get("/email-templates?languageTag=de&templateType=SignIn").body()).hasSize(1);
    assertThat(http.get("/email-templates?templateType=Fax").status()).isEqualTo(400);

    assertThat(http.put("/email-templates", "{\"templates\":\"x\"}").body().at("/data/issues/0/path").toString())
        .isEqualTo("[\"templates\"]");
    assertThat(http.put("/email-templates", "{\"templates\":[{\"languageTag\":\"de\",\"templateType\":\"SignIn\","
        + "\"details\":{\"subject\":\"s\"}}]}").body().at("/data/issues/0/path").toString())
        .isEqualTo("[\"templates\",0,\"details\",\"content\"]");
    assertThat(http.get("/email-templates/missing").code()).isEqualTo("entity.not_exists_with_id");

    assertThat(http.delete("/email-templates/" + signInId).status()).isEqualTo(204);
    assertThat(http.delete("/email-templates/" + signInId).status()).isEqualTo(404);
    assertThat(http.delete("/email-templates").status()).isEqualTo(422);
    Http.Answer bulk = http.delete("/email-templates?languageTag=de");
    assertThat(bulk.body().get("rowCount").asInt()).isEqualTo(1);
    assertThat(http.get("/email-templates").body()).isEmpty();
  }

  @Test
  void customProfileFieldsKeepSignInExperienceOrder() {
    Http.Answer created = http.post("/custom-profile-fields", "{\"name\":\"company\",\"type\":\"Text\","
        + "\"label\":\"Company\",\"required\":false,\"config\":{\"maxLength\":20}}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("sieOrder").asInt()).isEqualTo(1);
    assertThat(created.body().get("description").isNull()).isTrue();
    JsonNode batch = http.post("/custom-profile-fields/batch",
        "[{\"name\":\"team\",\"type\":\"Text\",\"required\":true}]").body();
    assertThat(batch.get(0).get("sieOrder").asInt()).isEqualTo(2);
    assertThat(batch.get(0).get("label").asText()).isEmpty();
    assertThat(batch.get(0).get("config").isEmpty()).isTrue();

    assertThat(http.post("/custom-profile-fields", "{\"name\":\"company\",\"type\":\"Text\",\"required\":false}")
        .code()).isEqualTo("custom_profile_fields.name_exists");
    assertThat(http.post("/custom-profile-fields", "{\"name\":\"my-field\",\"type\":\"Text\",\"required\":false}")
        .code()).isEqualTo("custom_profile_fields.invalid_name");
    assertThat(http.post("/custom-profile-fields", "{\"name\":\"x\",\"type\":\"Color\",\"required\":false}")
        .code()).isEqualTo("guard.invalid_input");

    JsonNode updated = http.put("/custom-profile-fields/company",
        "{\"type\":\"Text\",\"label\":\"Employer\",\"required\":true}").body();
    assertThat(updated.get("label").asText()).isEqualTo("Employer");
    assertThat(updated.at("/config/maxLength").asInt()).isEqualTo(20);

    JsonNode reordered = http.post("/custom-profile-fields/properties/sie-order",
        "{\"order\":[{\"name\":\"company\",\"sieOrder\":99}]}").body();
    assertThat(reordered.get(0).get("sieOrder").asInt()).isEqualTo(99);
    assertThat(http.get("/custom-profile-fields").body()).extracting(f -> f.get("name").asText())
        .containsExactly("team", "company");
    assertThat(http.post("/custom-profile-fields/properties/sie-order", "{\"order\":[{\"name\":\"nope\","
        + "\"sieOrder\":1}]}").code()).isEqualTo("custom_profile_fields.entity_not_exists_with_names");

    // the public sign-in experience shows them once the sign-up form asks for them
    http.patch("/sign-in-exp", "{\"signUpProfileFields\":[{\"name\":\"company\"}]}");
    JsonNode wellKnown = http.callWith(null, "GET", "/.well-known/sign-in-exp", null).body();
    assertThat(wellKnown.get("customProfileFields")).extracting(f -> f.get("name").asText()).containsExactly("company");
    assertThat(wellKnown.get("customProfileFieldCatalog")).hasSize(2);

    assertThat(http.delete("/custom-profile-fields/company").status()).isEqualTo(204);
    assertThat(http.get("/custom-profile-fields/company").code()).isEqualTo("entity.not_found");
  }

  @Test
  void accountCenterMergesWhatIsSentAndIsPublicOnTheWellKnownPath() {
    JsonNode fresh = http.get("/account-center").body();
    assertThat(fresh.get("enabled").asBoolean()).isFalse();
    assertThat(fresh.get("profileFields").isNull()).isTrue();
    JsonNode updated = http.patch("/account-center", "{\"enabled\":true,\"fields\":{\"name\":\"Edit\"}}").body();
    assertThat(updated.get("enabled").asBoolean()).isTrue();
    assertThat(updated.at("/fields/name").asText()).isEqualTo("Edit");
    assertThat(http.patch("/account-center", "{\"fields\":{\"name\":\"Write\"}}").code()).isEqualTo("guard.invalid_input");
    assertThat(http.patch("/account-center", "{\"enabled\":\"yes\"}").body().at("/data/issues/0/path/0").asText())
        .isEqualTo("enabled");
    assertThat(http.patch("/account-center", "{\"profileFields\":[{\"name\":\"nope\"}]}").code())
        .isEqualTo("custom_profile_fields.entity_not_exists_with_names");
    assertThat(http.callWith(null, "GET", "/.well-known/account-center", null).body()).isEqualTo(updated);
  }

  @Test
  void captchaProviderIsSetReplacedAndDeletedWhichTurnsTheCaptchaPolicyOff() {
    assertThat(http.get("/captcha-provider").code()).isEqualTo("entity.not_found");
    String turnstile = "{\"config\":{\"type\":\"Turnstile\",\"siteKey\":\"site\",\"secretKey\":\"secret\"}}";
    JsonNode created = http.put("/captcha-provider", turnstile).body();
    assertThat(created.at("/config/type").asText()).isEqualTo("Turnstile");
    JsonNode replaced = http.put("/captcha-provider", "{\"config\":{\"type\":\"RecaptchaEnterprise\","
        + "\"siteKey\":\"s\",\"secretKey\":\"k\",\"projectId\":\"p\"}}").body();
    assertThat(replaced.get("id").asText()).isEqualTo(created.get("id").asText());
    assertThat(http.put("/captcha-provider", "{\"config\":{\"type\":\"RecaptchaEnterprise\",\"siteKey\":\"s\","
        + "\"secretKey\":\"k\"}}").body().at("/data/issues/0/path").toString()).isEqualTo("[\"config\",\"projectId\"]");
    assertThat(http.put("/captcha-provider", "{\"config\":{\"type\":\"hCaptcha\"}}").body()
        .at("/data/issues/0/code").asText()).isEqualTo("invalid_union_discriminator");

    assertThat(http.delete("/captcha-provider").status()).isEqualTo(204);
    assertThat(http.get("/sign-in-exp").body().get("captchaPolicy").toString()).isEqualTo("{\"enabled\":false}");
    assertThat(http.delete("/captcha-provider").status()).isEqualTo(404);
  }
}

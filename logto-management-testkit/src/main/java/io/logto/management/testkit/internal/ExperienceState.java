package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What end users see of the tenant, as a fresh Logto 1.42 has it: the sign-in experience, the account
 * center, the captcha provider (none), custom phrases by language tag, e-mail templates by id and
 * custom profile fields by name.
 */
final class ExperienceState {
  // the defaults a freshly seeded Logto answers (checked against the recorded GetSignInExp)
  private static final String DEFAULT_SIGN_IN_EXPERIENCE = """
      {"tenantId":"default","id":"default",
       "color":{"primaryColor":"#6139F6","isDarkModeEnabled":false,"darkPrimaryColor":"#8768F8"},
       "branding":{"logoUrl":"https://logto.io/logo.svg","darkLogoUrl":"https://logto.io/logo-dark.svg"},
       "hideLogtoBranding":false,"languageInfo":{"autoDetect":true,"fallbackLanguage":"en"},
       "termsOfUseUrl":null,"privacyPolicyUrl":null,"agreeToTermsPolicy":"Automatic",
       "signIn":{"methods":[{"identifier":"username","password":true,"verificationCode":false,
         "isPasswordPrimary":true}]},
       "signUp":{"identifiers":["username"],"password":true,"verify":false},
       "socialSignIn":{},"socialSignInConnectorTargets":[],"signInMode":"SignInAndRegister","customCss":null,
       "customContent":{},"customUiAssets":null,"customUiCsp":{},"passwordPolicy":{},
       "mfa":{"factors":[],"policy":"UserControlled"},"adaptiveMfa":{},"singleSignOnEnabled":false,
       "supportEmail":null,"supportWebsiteUrl":null,"unknownSessionRedirectUrl":null,"captchaPolicy":{},
       "sentinelPolicy":{},"emailBlocklistPolicy":{},"verificationCodePolicy":{},"forgotPasswordMethods":[],
       "passkeySignIn":{},"signUpProfileFields":null,"passwordExpiration":{},
       "usernamePolicy":{"caseSensitive":true,"minLength":1,"maxLength":128,
         "allowedChars":{"lowercase":true,"uppercase":true,"numbers":true,"underscore":true}}}
      """;
  private static final String DEFAULT_ACCOUNT_CENTER = """
      {"tenantId":"default","id":"default","enabled":false,"fields":{},"webauthnRelatedOrigins":[],
       "deleteAccountUrl":null,"customCss":null,"profileFields":null}
      """;

  ObjectNode signInExperience = parse(DEFAULT_SIGN_IN_EXPERIENCE);
  ObjectNode accountCenter = parse(DEFAULT_ACCOUNT_CENTER);
  /** The captcha provider, or null while none is configured. */
  ObjectNode captchaProvider;
  final Map<String, ObjectNode> customPhrases = new LinkedHashMap<>();
  final Map<String, ObjectNode> emailTemplates = new LinkedHashMap<>();
  final Map<String, ObjectNode> profileFields = new LinkedHashMap<>();

  /**
   * Checks that every name is a custom profile field (or one of {@code builtIn}); 400
   * {@code custom_profile_fields.entity_not_exists_with_names} naming the others, as Logto answers.
   */
  void requireProfileFields(Iterable<String> names, Set<String> builtIn) {
    Set<String> missing = new LinkedHashSet<>();
    for (String name : names) {
      if (!builtIn.contains(name) && !profileFields.containsKey(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw ApiError.of(400, "custom_profile_fields.entity_not_exists_with_names",
          "Cannot find entities with the given names: " + String.join(", ", missing));
    }
  }

  /** The {@code name} of each element of an array of {@code {"name": ...}} objects. */
  static List<String> names(JsonNode entries) {
    List<String> names = new ArrayList<>();
    entries.forEach(entry -> names.add(entry.path("name").asText()));
    return names;
  }

  private static ObjectNode parse(String json) {
    return (ObjectNode) Json.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The sign-in experience: read, update (validated field by field, then checked as Logto checks sign-up
 * and sign-in methods and MFA factors), the password-policy check, custom UI assets (Logto OSS without
 * a storage provider refuses them) and the username case-sensitivity conflicts among the users.
 */
final class SignInExperienceRoutes {
  private static final List<String> IDENTIFIERS = List.of("username", "email", "phone");
  private static final List<String> MFA_FACTORS = List.of("Totp", "WebAuthn", "BackupCode", "EmailVerificationCode",
      "PhoneVerificationCode");
  private static final List<String> MFA_POLICIES = List.of("UserControlled", "Mandatory", "PromptOnlyAtSignIn",
      "PromptAtSignInAndSignUp", "NoPrompt", "PromptAtSignInAndSignUpMandatory", "PromptOnlyAtSignInMandatory");
  private static final Pattern COLOR = Pattern.compile("(?i)#[\\da-f]{3}([\\da-f]{3})?");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
  private static final List<String> PLAIN_OBJECTS = List.of("branding", "socialSignIn", "customUiCsp",
      "passwordPolicy", "adaptiveMfa", "captchaPolicy", "sentinelPolicy", "emailBlocklistPolicy",
      "verificationCodePolicy", "passkeySignIn", "passwordExpiration", "usernamePolicy");
  private static final List<String> URLS = List.of("termsOfUseUrl", "privacyPolicyUrl", "supportWebsiteUrl",
      "unknownSessionRedirectUrl");
  // built-in profile keys a sign-up form may ask for without a custom field of that name
  private static final Set<String> BUILT_IN_PROFILE_FIELDS = Set.of("name", "avatar", "familyName", "givenName",
      "middleName", "nickname", "preferredUsername", "profile", "website", "gender", "birthdate", "zoneinfo",
      "locale", "address", "fullname");

  private final Store store;
  private final ExperienceState experience;

  SignInExperienceRoutes(Store store) {
    this.store = store;
    this.experience = store.experience;
  }

  void register(Declarations handlers) {
    handlers.declare("GetSignInExp", call -> Reply.ok(experience.signInExperience));
    handlers.declare("UpdateSignInExp", this::update);
    handlers.declare("CheckPasswordWithDefaultSignInExperience", this::checkPassword);
    // Logto OSS keeps custom UI assets in a storage provider, and a fresh one has none
    handlers.declare("UploadCustomUiAssets", call -> {
      throw ApiError.of(400, "storage.not_configured", "Storage provider is not configured.");
    });
    handlers.declare("GetUsernameCaseSensitivityConflicts", this::usernameConflicts);
  }

  private Reply update(Call call) {
    Guard guard = call.guard();
    ObjectNode body = guard.raw();
    guard.string("tenantId", false);
    for (String field : PLAIN_OBJECTS) {
      guard.object(field, false);
    }
    guard.stringRecord("customContent");
    color(guard);
    ObjectNode branding = body.path("branding").isObject() ? (ObjectNode) body.get("branding") : null;
    if (branding != null) {
      Guard inner = guard.within("branding", branding);
      for (String field : List.of("logoUrl", "darkLogoUrl", "favicon", "darkFavicon")) {
        String url = inner.string(field, false);
        if (url != null && !isUrl(url)) {
          inner.invalidString(field, "url", "Invalid url");
        }
      }
    }
    ObjectNode languageInfo = guard.object("languageInfo", false);
    if (languageInfo != null) {
      Guard inner = guard.within("languageInfo", languageInfo);
      inner.bool("autoDetect", true);
      inner.oneOf("fallbackLanguage", LanguageTags.ALL, true);
    }
    ObjectNode signUp = signUp(guard);
    ObjectNode signIn = signIn(guard);
    ObjectNode mfa = guard.object("mfa", false);
    if (mfa != null) {
      Guard inner = guard.within("mfa", mfa);
      inner.strings("factors", true);
      checkEnums(inner, mfa, "factors", MFA_FACTORS);
      inner.oneOf("policy", MFA_POLICIES, true);
      inner.oneOf("organizationRequiredMfaPolicy", List.of("NoPrompt", "Mandatory"), false);
    }
    nullableObject(guard, body, "customUiAssets");
    guard.nullableString("customCss");
    for (String field : URLS) {
      urlOrEmpty(guard, body, field);
    }
    JsonNode supportEmail = guard.nullableString("supportEmail");
    if (supportEmail != null && supportEmail.isTextual() && !supportEmail.asText().isEmpty()
        && !EMAIL.matcher(supportEmail.asText()).matches()) {
      guard.invalidString("supportEmail", "email", "Invalid email");
    }
    guard.bool("hideLogtoBranding", false);
    guard.bool("singleSignOnEnabled", false);
    guard.oneOf("agreeToTermsPolicy", List.of("Automatic", "ManualRegistrationOnly", "Manual"), false);
    guard.oneOf("signInMode", List.of("SignIn", "Register", "SignInAndRegister"), false);
    guard.strings("socialSignInConnectorTargets", false);
    if (body.hasNonNull("forgotPasswordMethods")) {
      guard.strings("forgotPasswordMethods", false);
      checkEnums(guard, body, "forgotPasswordMethods", List.of("EmailVerificationCode", "PhoneVerificationCode"));
    }
    ArrayNode profileFields = signUpProfileFields(guard, body);
    guard.check();

    if (signUp != null) {
      validateSignUp(signUp);
    }
    if (signIn != null) {
      validateSignIn(signIn, signUp != null ? signUp : (ObjectNode) experience.signInExperience.get("signUp"));
    }
    if (mfa != null) {
      validateMfa(mfa);
    }
    if (profileFields != null) {
      experience.requireProfileFields(ExperienceState.names(profileFields), BUILT_IN_PROFILE_FIELDS);
    }
    ObjectNode changes = Json.pick(body, fieldsOf(experience.signInExperience));
    changes.remove(List.of("tenantId", "id"));
    if (changes.has("passwordPolicy")) {
      changes.set("passwordPolicy", PasswordPolicy.withDefaults((ObjectNode) changes.get("passwordPolicy"), false));
    }
    if (changes.has("socialSignInConnectorTargets")) {
      // targets without a social connector are dropped, as Logto drops unavailable connectors
      changes.set("socialSignInConnectorTargets", Json.strings(availableSocialTargets(changes)));
    }
    experience.signInExperience = Json.merge(experience.signInExperience, changes);
    return Reply.ok(experience.signInExperience);
  }

  private static void color(Guard guard) {
    ObjectNode color = guard.object("color", false);
    if (color == null) {
      return;
    }
    Guard inner = guard.within("color", color);
    for (String field : List.of("primaryColor", "darkPrimaryColor")) {
      String value = inner.string(field, true);
      if (value != null && !COLOR.matcher(value).matches()) {
        inner.invalidString(field, "regex", "Invalid");
      }
    }
    inner.bool("isDarkModeEnabled", true);
  }

  private static ObjectNode signUp(Guard guard) {
    ObjectNode signUp = guard.object("signUp", false);
    if (signUp != null) {
      Guard inner = guard.within("signUp", signUp);
      inner.strings("identifiers", true);
      checkEnums(inner, signUp, "identifiers", IDENTIFIERS);
      inner.bool("password", true);
      inner.bool("verify", true);
      JsonNode secondary = signUp.get("secondaryIdentifiers");
      if (secondary != null && !secondary.isArray()) {
        inner.strings("secondaryIdentifiers", false);
      }
    }
    return signUp;
  }

  private static ObjectNode signIn(Guard guard) {
    ObjectNode signIn = guard.object("signIn", false);
    if (signIn != null) {
      Guard inner = guard.within("signIn", signIn);
      JsonNode methods = signIn.get("methods");
      if (methods == null || !methods.isArray()) {
        inner.strings("methods", true);
      } else {
        for (int i = 0; i < methods.size(); i++) {
          if (!methods.get(i).isObject()) {
            element(inner, "methods", i, methods.get(i)).object(String.valueOf(i), true);
            continue;
          }
          Guard method = inner.within("methods." + i, (ObjectNode) methods.get(i));
          method.oneOf("identifier", IDENTIFIERS, true);
          method.bool("password", true);
          method.bool("verificationCode", true);
          method.bool("isPasswordPrimary", true);
        }
      }
    }
    return signIn;
  }

  // each element of an array of strings must be one of the options
  private static void checkEnums(Guard guard, ObjectNode body, String field, List<String> options) {
    JsonNode values = body.get(field);
    if (values == null || !values.isArray()) {
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).isTextual()) {
        element(guard, field, i, values.get(i)).oneOf(String.valueOf(i), options, true);
      }
    }
  }

  // a guard whose only field is element {@code index} of the array {@code field}, for issues at field.index
  private static Guard element(Guard guard, String field, int index, JsonNode value) {
    ObjectNode wrapper = Json.object();
    wrapper.set(String.valueOf(index), value);
    return guard.within(field, wrapper);
  }

  private static void nullableObject(Guard guard, ObjectNode body, String field) {
    if (body.has(field) && !body.get(field).isNull()) {
      guard.object(field, false);
    }
  }

  private static void urlOrEmpty(Guard guard, ObjectNode body, String field) {
    JsonNode value = guard.nullableString(field);
    if (value != null && value.isTextual() && !value.asText().isEmpty() && !isUrl(value.asText())) {
      guard.invalidString(field, "url", "Invalid url");
    }
  }

  private static boolean isUrl(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static ArrayNode signUpProfileFields(Guard guard, ObjectNode body) {
    JsonNode fields = body.get("signUpProfileFields");
    if (fields == null || fields.isNull()) {
      return null;
    }
    if (!fields.isArray()) {
      guard.strings("signUpProfileFields", false);
      return null;
    }
    for (int i = 0; i < fields.size(); i++) {
      JsonNode field = fields.get(i);
      if (!field.isObject()) {
        element(guard, "signUpProfileFields", i, field).object(String.valueOf(i), true);
      } else {
        guard.within("signUpProfileFields." + i, (ObjectNode) field).string("name", true);
      }
    }
    return (ArrayNode) fields;
  }

  private void validateSignUp(ObjectNode signUp) {
    for (JsonNode identifier : signUp.get("identifiers")) {
      switch (identifier.asText()) {
        case "email" -> requireConnector("Email");
        case "phone" -> requireConnector("Sms");
        default -> { }
      }
      if (identifier.asText().equals("username") && !signUp.get("password").asBoolean()) {
        throw ApiError.of(400, "sign_in_experiences.username_requires_password",
            "Must enable set a password for username sign up identifier.");
      }
      if (!identifier.asText().equals("username") && !signUp.get("verify").asBoolean()) {
        throw ApiError.of(400, "sign_in_experiences.passwordless_requires_verify",
            "Must enable verify for email/phone sign up identifier.");
      }
    }
  }

  private void validateSignIn(ObjectNode signIn, ObjectNode signUp) {
    for (JsonNode method : signIn.get("methods")) {
      if (method.get("verificationCode").asBoolean()) {
        switch (method.get("identifier").asText()) {
          case "email" -> requireConnector("Email");
          case "phone" -> requireConnector("Sms");
          default -> { }
        }
      }
    }
    for (JsonNode method : signIn.get("methods")) {
      if (!method.get("password").asBoolean() && !method.get("verificationCode").asBoolean()) {
        throw ApiError.of(400, "sign_in_experiences.at_least_one_authentication_factor",
            "You have to select at least one authentication factor.");
      }
    }
    if (signUp.path("verify").asBoolean() && !signUp.path("password").asBoolean()) {
      for (JsonNode method : signIn.get("methods")) {
        if (!method.get("verificationCode").asBoolean() && !method.get("identifier").asText().equals("username")) {
          throw ApiError.of(400, "sign_in_experiences.code_sign_in_must_be_enabled",
              "Verification code sign in must be enabled when set a password is not required in sign up.");
        }
      }
    }
  }

  private static void validateMfa(ObjectNode mfa) {
    List<String> factors = new ArrayList<>();
    mfa.get("factors").forEach(factor -> factors.add(factor.asText()));
    if (new LinkedHashSet<>(factors).size() != factors.size()) {
      throw ApiError.of(400, "sign_in_experiences.duplicated_mfa_factors", "Duplicated MFA factors.");
    }
    if (factors.equals(List.of("BackupCode"))) {
      throw ApiError.of(400, "sign_in_experiences.backup_code_cannot_be_enabled_alone",
          "Backup code cannot be enabled alone.");
    }
  }

  private void requireConnector(String type) {
    if (store.connectors.ofType(type).isEmpty()) {
      throw ApiError.of(400, "sign_in_experiences.enabled_connector_not_found",
          "Enabled " + type + " connector not found.");
    }
  }

  private List<String> availableSocialTargets(ObjectNode changes) {
    List<String> targets = new ArrayList<>();
    for (JsonNode target : changes.get("socialSignInConnectorTargets")) {
      if (store.connectors.socialTargets().contains(target.asText())) {
        targets.add(target.asText());
      }
    }
    return targets;
  }

  private static List<String> fieldsOf(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private Reply checkPassword(Call call) {
    Guard guard = call.guard();
    String password = guard.string("password", true);
    String userId = guard.string("userId", false);
    guard.check();
    PasswordPolicy policy = PasswordPolicy.of(experience.signInExperience.get("passwordPolicy"));
    if (policy.rejectsPwned()) {
      throw call.notEmulated("the internet: the default password policy checks haveibeenpwned.com (turn passwordPolicy.rejects.pwned"
              + " off to check the other rules)");
    }
    if (userId == null && policy.rejectsUserInfo()) {
      throw ApiError.of(400, "request.invalid_input", "Input is invalid. {{details}}",
          Json.object().put("message", "User information data is required to check user information."), null);
    }
    ArrayNode issues = policy.issues(password, userId == null ? null : store.user(userId));
    if (issues.isEmpty()) {
      return Reply.ok(Json.object().put("result", true));
    }
    ObjectNode rejected = Json.object().put("result", false);
    rejected.set("issues", issues);
    return Reply.json(400, rejected);
  }

  private Reply usernameConflicts(Call call) {
    String limitText = call.query("limit");
    int limit = 20;
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        Guard guard = Guard.query(Json.object().put("limit", limitText));
        guard.number("limit", true);
        guard.check();
      }
    }
    Map<String, List<String>> byLowerName = new TreeMap<>();
    for (ObjectNode user : store.users.values()) {
      String username = user.path("username").asText(null);
      if (username != null) {
        byLowerName.computeIfAbsent(username.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(user.get("id").asText());
      }
    }
    ArrayNode samples = Json.array();
    int total = 0;
    for (Map.Entry<String, List<String>> group : byLowerName.entrySet()) {
      if (group.getValue().size() > 1) {
        total++;
        if (samples.size() < limit) {
          ObjectNode sample = Json.object().put("usernameLower", group.getKey());
          sample.set("userIds", Json.strings(group.getValue()));
          samples.add(sample);
        }
      }
    }
    ObjectNode body = Json.object().put("totalConflicts", total);
    body.set("samples", samples);
    return Reply.ok(body);
  }
}

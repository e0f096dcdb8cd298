package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user's MFA verifications (TOTP and backup codes), personal access tokens, Logto config (MFA and
 * passkey skip flags) and manual password expiry, kept in the Store's {@link UserAccounts}.
 */
final class UserSecurityRoutes {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern BASE32 = Pattern.compile("[A-Z2-7]{16,}=*");
  private static final Pattern BACKUP_CODE = Pattern.compile("[0-9a-f]{10}");
  private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final int BACKUP_CODE_COUNT = 10;
  // a valid 1x1 PNG: the emulator does not draw the QR code of the key URI (use the secret instead)
  private static final String PLACEHOLDER_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAABJRU5ErkJggg==";

  private final Store store;

  UserSecurityRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    registerMfa(handlers);
    registerTokens(handlers);
    handlers.declare("ListUserLogtoConfigs", call -> Reply.ok(store.accounts.logtoConfig(userId(call))));
    handlers.declare("UpdateUserLogtoConfigs", call -> {
      Guard guard = call.guard();
      ObjectNode mfa = guard.object("mfa", false);
      ObjectNode passkey = guard.object("passkeySignIn", false);
      if (mfa != null) {
        Guard nested = guard.within("mfa", mfa);
        List.of("enabled", "skipped", "additionalBindingSuggestionSkipped", "skipMfaOnSignIn")
            .forEach(flag -> nested.bool(flag, false));
      }
      if (passkey != null) {
        guard.within("passkeySignIn", passkey).bool("skipped", false);
      }
      guard.check();
      ObjectNode config = store.accounts.logtoConfig(userId(call));
      if (mfa != null) {
        config.set("mfa", Json.merge((ObjectNode) config.get("mfa"), mfa));
      }
      if (passkey != null) {
        config.set("passkeySignIn", Json.merge((ObjectNode) config.get("passkeySignIn"), passkey));
      }
      return Reply.ok(config);
    });
    handlers.declare("UpdateUserPasswordExpiration", call -> {
      Guard guard = call.guard();
      Boolean expired = guard.bool("isExpired", true);
      guard.check();
      ObjectNode user = store.user(call.param("userId"));
      store.accounts.passwordExpired(user.get("id").asText(), expired);
      user.put("updatedAt", store.now());
      return Reply.ok(store.userJson(user));
    });
  }

  private String userId(Call call) {
    return store.user(call.param("userId")).get("id").asText();
  }

  private void registerMfa(Declarations handlers) {
    handlers.declare("ListUserMfaVerifications", call -> {
      List<JsonNode> listed = new ArrayList<>();
      for (ObjectNode verification : store.accounts.mfaVerifications(userId(call))) {
        ObjectNode item = Json.object();
        item.set("id", verification.get("id"));
        item.set("createdAt", verification.get("createdAt"));
        item.set("type", verification.get("type"));
        if (verification.has("codes")) {
          int unused = 0;
          for (JsonNode code : verification.get("codes")) {
            unused += code.get("usedAt").isNull() ? 1 : 0;
          }
          item.put("remainCodes", unused);
        }
        listed.add(item);
      }
      return Reply.ok(Json.arrayOf(listed));
    });
    handlers.declare("CreateUserMfaVerification", this::createMfa);
    handlers.declare("DeleteUserMfaVerification", call -> {
      List<ObjectNode> verifications = store.accounts.mfaVerifications(userId(call));
      if (!verifications.removeIf(v -> v.get("id").asText().equals(call.param("verificationId")))) {
        throw ApiError.notFound();
      }
      return Reply.empty(204);
    });
  }

  /**
   * Binds a TOTP factor (one per user; the secret generated or supplied in base32) or a set of
   * backup codes (only beside another factor, and only when no unused set exists).
   */
  private Reply createMfa(Call call) {
    Guard guard = call.guard();
    String type = guard.oneOf("type", List.of("Totp", "BackupCode"), true);
    String suppliedSecret = guard.string("secret", false);
    List<String> suppliedCodes = guard.strings("codes", false);
    guard.check();
    ObjectNode user = store.user(call.param("userId"));
    List<ObjectNode> verifications = store.accounts.mfaVerifications(user.get("id").asText());
    ObjectNode verification = Json.object();
    verification.put("id", store.id(21)).put("createdAt", ISO_MILLIS.format(Instant.ofEpochMilli(store.now())))
        .put("type", type);
    ObjectNode answer = Json.object().put("type", type);
    if (type.equals("Totp")) {
      if (verifications.stream().anyMatch(v -> v.get("type").asText().equals("Totp"))) {
        throw ApiError.of(422, "user.totp_already_in_use", "TOTP is already in use.");
      }
      if (suppliedSecret != null && !BASE32.matcher(suppliedSecret).matches()) {
        throw ApiError.of(422, "user.totp_secret_invalid", "Invalid TOTP secret supplied.");
      }
      String secret = suppliedSecret != null ? suppliedSecret : base32Secret();
      verification.put("key", secret);
      answer.put("secret", secret).put("secretQrCode", "data:image/png;base64," + PLACEHOLDER_PNG);
    } else {
      if (verifications.stream().anyMatch(UserSecurityRoutes::hasUnusedCodes)) {
        throw ApiError.of(422, "user.backup_code_already_in_use", "Backup code is already in use.");
      }
      if (verifications.stream().allMatch(v -> v.get("type").asText().equals("BackupCode"))) {
        throw ApiError.of(422, "session.mfa.backup_code_can_not_be_alone", "Backup code can not be the only MFA.");
      }
      if (suppliedCodes != null && !suppliedCodes.stream().allMatch(c -> BACKUP_CODE.matcher(c).matches())) {
        throw ApiError.of(422, "user.wrong_backup_code_format", "Backup code format is invalid.");
      }
      List<String> codes = suppliedCodes != null ? suppliedCodes : backupCodes();
      codes.forEach(code -> verification.withArray("codes").addObject().put("code", code).putNull("usedAt"));
      answer.set("codes", Json.strings(codes));
    }
    verifications.add(verification);
    return Reply.ok(answer);
  }

  private static boolean hasUnusedCodes(ObjectNode verification) {
    if (!verification.has("codes")) {
      return false;
    }
    for (JsonNode code : verification.get("codes")) {
      if (code.get("usedAt").isNull()) {
        return true;
      }
    }
    return false;
  }

  private String base32Secret() {
    return store.randomText(32, BASE32_ALPHABET);
  }

  private List<String> backupCodes() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < BACKUP_CODE_COUNT; i++) {
      codes.add(store.randomText(10, "0123456789abcdef"));
    }
    return codes;
  }

  private void registerTokens(Declarations handlers) {
    handlers.declare("ListUserPersonalAccessTokens", call ->
        Reply.ok(Json.arrayOf(Store.newestFirst(store.accounts.personalAccessTokens(userId(call))))));
    handlers.declare("CreateUserPersonalAccessToken", call -> {
      Guard guard = call.guard();
      String name = guard.name("name");
      JsonNode expiresAt = guard.nullableNumber("expiresAt");
      guard.check();
      if (expiresAt != null && expiresAt.isNumber() && expiresAt.asLong() <= store.now()) {
        throw ApiError.of(400, "request.invalid_input",
            "Input is invalid. The value of `expiresAt` must be in the future.");
      }
      // Logto inserts without reading the user: the foreign key fails (the not-found rule's answer)
      String userId = store.user(call.param("userId")).get("id").asText();
      List<ObjectNode> tokens = store.accounts.personalAccessTokens(userId);
      requireFreeName(tokens, name);
      ObjectNode token = Json.object();
      token.put("tenantId", Store.TENANT).put("userId", userId).put("name", name)
          .put("value", "pat_" + store.secret()).put("createdAt", store.now());
      token.set("expiresAt", expiresAt == null ? token.nullNode() : expiresAt);
      tokens.add(token);
      return Reply.created(token);
    });
    handlers.declare("UpdateUserPersonalAccessToken", call -> rename(call, call.param("name")));
    handlers.declare("UpdatePersonalAccessTokenName", call -> {
      Guard guard = call.guard();
      String current = guard.string("currentName", true);
      guard.check();
      return rename(call, current);
    });
    handlers.declare("DeleteUserPersonalAccessToken", call -> deleteToken(call, call.param("name")));
    handlers.declare("DeletePersonalAccessTokenPost", call -> {
      Guard guard = call.guard();
      String name = guard.string("name", true);
      guard.check();
      return deleteToken(call, name);
    });
  }

  /** Renames the user's token {@code current} to the body's {@code name} (404 when it does not exist). */
  private Reply rename(Call call, String current) {
    Guard guard = call.guard();
    String name = guard.name("name");
    guard.check();
    List<ObjectNode> tokens = store.accounts.personalAccessTokens(call.param("userId"));
    ObjectNode token = token(tokens, call.param("userId"), current);
    if (!name.equals(current)) {
      requireFreeName(tokens, name);
    }
    token.put("name", name);
    return Reply.ok(token);
  }

  private Reply deleteToken(Call call, String name) {
    List<ObjectNode> tokens = store.accounts.personalAccessTokens(call.param("userId"));
    tokens.remove(token(tokens, call.param("userId"), name));
    return Reply.empty(204);
  }

  // Logto finds the token by user id and name in one query: no row is the user's path id missing
  private static ObjectNode token(List<ObjectNode> tokens, String userId, String name) {
    for (ObjectNode token : tokens) {
      if (token.get("name").asText().equals(name)) {
        return token;
      }
    }
    throw ApiError.notFound().missing("personal_access_tokens", userId);
  }

  private static void requireFreeName(List<ObjectNode> tokens, String name) {
    if (tokens.stream().anyMatch(token -> token.get("name").asText().equals(name))) {
      throw ApiError.alreadyExists();
    }
  }
}

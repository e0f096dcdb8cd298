package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Logto keeps on a user besides the user row: MFA verifications, personal access tokens, the
 * per-user Logto config (MFA and passkey skip flags) and manually expired passwords. Owned by the
 * {@link Store}, which forgets a user's entries when the user is deleted.
 */
final class UserAccounts {
  /** User id to MFA verifications, oldest first; each keeps its secret or codes beside the listed fields. */
  private final Map<String, List<ObjectNode>> mfaVerifications = new HashMap<>();
  /** User id to personal access tokens, oldest first. */
  private final Map<String, List<ObjectNode>> personalAccessTokens = new HashMap<>();
  private final Map<String, ObjectNode> logtoConfigs = new HashMap<>();
  private final Set<String> expiredPasswords = new HashSet<>();

  List<ObjectNode> mfaVerifications(String userId) {
    return mfaVerifications.computeIfAbsent(userId, k -> new ArrayList<>());
  }

  List<ObjectNode> personalAccessTokens(String userId) {
    return personalAccessTokens.computeIfAbsent(userId, k -> new ArrayList<>());
  }

  /** The user's Logto config, created with Logto's defaults on first use. */
  ObjectNode logtoConfig(String userId) {
    return logtoConfigs.computeIfAbsent(userId, k -> {
      ObjectNode config = Json.object();
      config.putObject("mfa").put("skipped", false).put("skipMfaOnSignIn", false);
      config.putObject("passkeySignIn").put("skipped", false);
      return config;
    });
  }

  /** Marks or clears a manual password expiry; a new password clears it. */
  void passwordExpired(String userId, boolean expired) {
    if (expired) {
      expiredPasswords.add(userId);
    } else {
      expiredPasswords.remove(userId);
    }
  }

  boolean isPasswordExpired(String userId) {
    return expiredPasswords.contains(userId);
  }

  void forget(String userId) {
    mfaVerifications.remove(userId);
    personalAccessTokens.remove(userId);
    logtoConfigs.remove(userId);
    expiredPasswords.remove(userId);
  }
}

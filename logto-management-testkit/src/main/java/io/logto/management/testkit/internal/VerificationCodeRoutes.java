package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logto.management.testkit.SentMessage;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * Verification codes for an e-mail address or phone number, as Logto's passcodes: a 6-digit code
 * (template {@code Generic}) is stored, then sent through the e-mail or SMS connector, where a test
 * reads it from {@code LogtoEmulator.sentMessages()}. Like Logto, the code is stored before sending, so
 * without a connector the answer is 501 {@code connector.not_found} and the code still exists (a wrong
 * code then answers {@code code_mismatch}, as recorded). Verifying consumes it; codes expire after 10
 * minutes and allow 10 attempts.
 */
final class VerificationCodeRoutes {
  private static final long LIFETIME_MILLIS = 10 * 60 * 1000;
  private static final int MAX_TRIES = 10;

  private final Store store;
  private final SecureRandom random = new SecureRandom();
  // unconsumed code per identifier ("email:a@b.c" or "phone:123")
  private final Map<String, ObjectNode> codes = new HashMap<>();

  VerificationCodeRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("CreateVerificationCode", call -> {
      Guard guard = call.guard();
      String email = guard.raw().has("email") ? guard.string("email", true) : null;
      String phone = email == null ? guard.string("phone", true) : null;
      guard.check();
      String code = String.format("%06d", random.nextInt(1_000_000));
      codes.put(key(email, phone), Json.object().put("code", code).put("createdAt", store.now()).put("tryCount", 0));
      SentMessage.Builder message = SentMessage.builder().recipient(email != null ? email : phone).template("Generic")
          .put("code", code);
      store.outbox.sendThroughConnector(email != null ? SentMessage.Channel.EMAIL : SentMessage.Channel.SMS, message,
          store.now());
      return Reply.empty(204);
    });
    handlers.declare("VerifyVerificationCode", call -> {
      Guard guard = call.guard();
      String email = guard.raw().has("email") ? guard.string("email", true) : null;
      String phone = email == null ? guard.string("phone", true) : null;
      String given = guard.string("verificationCode", true);
      guard.check();
      String key = key(email, phone);
      ObjectNode code = codes.get(key);
      if (code == null) {
        throw ApiError.of(400, "verification_code.not_found",
            "Verification code not found. Please send verification code first.");
      }
      if (store.now() - code.get("createdAt").asLong() > LIFETIME_MILLIS) {
        throw ApiError.of(400, "verification_code.expired",
            "Verification code has expired. Please send new verification code.");
      }
      if (code.get("tryCount").asInt() >= MAX_TRIES) {
        throw ApiError.of(400, "verification_code.exceed_max_try",
            "Verification code retry limitation exceeded. Please send new verification code.");
      }
      if (!code.get("code").asText().equals(given)) {
        code.put("tryCount", code.get("tryCount").asInt() + 1);
        throw ApiError.of(400, "verification_code.code_mismatch", "Invalid verification code.");
      }
      codes.remove(key);
      return Reply.empty(204);
    });
  }

  private static String key(String email, String phone) {
    return email != null ? "email:" + email : "phone:" + phone;
  }
}

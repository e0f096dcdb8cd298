package io.logto.management.testkit.internal;

import java.util.Map;

/**
 * User assets as on a Logto OSS without a storage provider (the default, and the recorded server):
 * the service status says {@code not_configured} and an upload answers 400
 * {@code storage.not_configured}. The emulator keeps no uploaded bytes.
 */
final class UserAssetRoutes {
  void register(Map<String, Handler> handlers) {
    handlers.put("GetUserAssetServiceStatus", call -> Reply.ok(Json.object().put("status", "not_configured")
        .put("isExperienceAvatarUploadEnabled", true)));
    handlers.put("CreateUserAsset", call -> {
      throw ApiError.of(400, "storage.not_configured", "Storage provider is not configured.");
    });
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logto.management.testkit.UserAsset;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * User assets. By default as on a Logto OSS without a storage provider (the recorded server): the
 * service status says {@code not_configured} and a valid upload answers 400
 * {@code storage.not_configured}. With {@link UserAssetStorage#configure()} the status is
 * {@code ready} with Logto's allowed MIME types and size limit, and an upload is kept in memory and
 * served at the URL it answers with. Either way the upload is checked first as Logto checks it: a
 * {@code file} field, then the size, then the MIME type of its first file.
 */
final class UserAssetRoutes {
  /** The MIME types Logto accepts for an upload (its schemas' {@code allowUploadMimeTypes}). */
  static final List<String> ALLOWED_MIME_TYPES = List.of("image/jpeg", "image/png", "image/gif",
      "image/vnd.microsoft.icon", "image/x-icon", "image/svg+xml", "image/tiff", "image/webp", "image/bmp",
      "application/zip");
  /** Logto's upload size limit in bytes, 20 MiB (its schemas' {@code maxUploadFileSize}). */
  static final long MAX_UPLOAD_FILE_SIZE = 20L * 1024 * 1024;

  private final Store store;
  private final Tokens tokens;

  UserAssetRoutes(Store store, Tokens tokens) {
    this.store = store;
    this.tokens = tokens;
  }

  void register(Declarations handlers) {
    handlers.declare("GetUserAssetServiceStatus", call -> Reply.ok(status()));
    handlers.declare("CreateUserAsset", this::upload);
  }

  private ObjectNode status() {
    if (!store.userAssets.configured()) {
      return Json.object().put("status", "not_configured").put("isExperienceAvatarUploadEnabled", true);
    }
    ObjectNode status = Json.object().put("status", "ready");
    status.set("allowUploadMimeTypes", Json.strings(ALLOWED_MIME_TYPES));
    return status.put("maxUploadFileSize", MAX_UPLOAD_FILE_SIZE).put("isExperienceAvatarUploadEnabled", true);
  }

  private Reply upload(Call call) {
    Multipart.Part file = firstFile(call);
    if (file.content().length > MAX_UPLOAD_FILE_SIZE) {
      throw ApiError.of(400, "guard.file_size_exceeded", "File size exceeded.");
    }
    if (!ALLOWED_MIME_TYPES.contains(file.contentType())) {
      throw ApiError.of(400, "guard.mime_type_not_allowed", "MIME type is not allowed.");
    }
    if (!store.userAssets.configured()) {
      throw ApiError.of(400, "storage.not_configured", "Storage provider is not configured.");
    }
    String caller = tokens.subject(call.header("Authorization").substring("Bearer ".length()).trim(), null);
    // Logto's object key: tenant, caller, original file name
    String path = Store.TENANT + "/" + segment(caller) + "/" + segment(file.filename());
    URI url = URI.create(call.origin() + UserAssetStorage.PATH_PREFIX + path);
    store.userAssets.put(path, new UserAsset(file.filename(), file.contentType(), file.content(), caller, url,
        Instant.ofEpochMilli(store.now())));
    return Reply.ok(Json.object().put("url", url.toString()));
  }

  // the files guard: a multipart body whose "file" field holds files, each with a MIME type
  private static Multipart.Part firstFile(Call call) {
    boolean multipart = call.contentType() != null
        && call.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    List<Multipart.Part> files = new ArrayList<>();
    ObjectNode filesByField = Json.object();
    for (Multipart.Part part : Multipart.parse(call.contentType(), call.body())) {
      if (!part.isFile()) {
        continue;
      }
      if (part.name().equals("file")) {
        files.add(part);
      }
      ArrayNode field = filesByField.has(part.name()) ? (ArrayNode) filesByField.get(part.name())
          : filesByField.putArray(part.name());
      ObjectNode described = field.addObject().put("filepath", "/tmp/upload").put("size", part.content().length)
          .put("originalFilename", part.filename());
      if (part.contentType() != null) {
        described.put("mimetype", part.contentType());
      }
    }
    Guard guard = Guard.files(multipart ? filesByField : null);
    List<ObjectNode> described = guard.objects("file", true);
    for (int i = 0; described != null && i < described.size(); i++) {
      guard.within("file." + i, described.get(i)).string("mimetype", true);
    }
    guard.check();
    return files.get(0);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

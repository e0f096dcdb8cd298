package io.logto.management.testkit;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file uploaded through {@code POST /api/user-assets} and kept in the emulator's in-memory storage
 * (only when built with {@link LogtoEmulator.Builder#userAssets(boolean)}). Read them with
 * {@link LogtoEmulator#userAssets()}; {@link #url()} serves the bytes from the emulator. A later upload
 * of the same name by the same caller replaces the asset, as it overwrites the storage object in Logto.
 *
 * @param name the uploaded file's name, as sent
 * @param contentType its MIME type, as sent
 * @param content the bytes (a copy each time it is read)
 * @param uploadedBy the subject of the token that uploaded it (an application's id)
 * @param url the URL the upload answered with
 * @param uploadedAt when it was uploaded, by the emulator's clock
 */
public record UserAsset(String name, String contentType, byte[] content, String uploadedBy, URI url,
    Instant uploadedAt) {
  /**
   * Validates (no null component) and copies the content.
   *
   * @param name the uploaded file's name, as sent
   * @param contentType its MIME type, as sent
   * @param content the bytes
   * @param uploadedBy the subject of the token that uploaded it
   * @param url the URL the upload answered with
   * @param uploadedAt when it was uploaded, by the emulator's clock
   */
  public UserAsset {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(contentType, "contentType == null");
    Objects.requireNonNull(content, "content == null");
    Objects.requireNonNull(uploadedBy, "uploadedBy == null");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(uploadedAt, "uploadedAt == null");
    content = content.clone();
  }

  /** {@return a copy of the uploaded bytes} */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** {@return the size in bytes} */
  public int size() {
    return content.length;
  }

  /** Equal when every component is, the content compared byte by byte. */
  @Override
  public boolean equals(Object other) {
    return other instanceof UserAsset asset && name.equals(asset.name) && contentType.equals(asset.contentType)
        && Arrays.equals(content, asset.content) && uploadedBy.equals(asset.uploadedBy) && url.equals(asset.url)
        && uploadedAt.equals(asset.uploadedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, contentType, Arrays.hashCode(content), uploadedBy, url, uploadedAt);
  }

  /** Names the asset and its size, not its bytes. */
  @Override
  public String toString() {
    return "UserAsset[name=" + name + ", contentType=" + contentType + ", size=" + content.length + ", uploadedBy="
        + uploadedBy + ", url=" + url + ", uploadedAt=" + uploadedAt + "]";
  }
}

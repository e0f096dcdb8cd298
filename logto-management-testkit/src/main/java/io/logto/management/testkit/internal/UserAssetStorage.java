package io.logto.management.testkit.internal;

import io.logto.management.testkit.UserAsset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's storage provider for user assets: none by default (a Logto OSS without one, as
 * recorded), else an in-memory bucket keyed by Logto's object key ({@code tenant/caller/filename}).
 * Thread-safe: handlers store, the server's file route and the test's thread read.
 */
public final class UserAssetStorage {
  /** The path prefix the stored objects are served under. */
  static final String PATH_PREFIX = "/user-assets/";

  private boolean configured;
  // path below PATH_PREFIX (percent-encoded object key) to asset, in upload order
  private final Map<String, UserAsset> objects = new LinkedHashMap<>();

  /** Makes the emulator a Logto with a storage provider: uploads are kept. */
  public synchronized void configure() {
    configured = true;
  }

  synchronized boolean configured() {
    return configured;
  }

  synchronized void put(String key, UserAsset asset) {
    objects.remove(key); // a replaced object moves to the end: upload order
    objects.put(key, asset);
  }

  /** The asset served at {@code path} (below {@link #PATH_PREFIX}, percent-encoded), or null. */
  synchronized UserAsset at(String path) {
    return objects.get(path);
  }

  /** Every asset kept, in upload order. */
  public synchronized List<UserAsset> all() {
    return List.copyOf(objects.values());
  }
}

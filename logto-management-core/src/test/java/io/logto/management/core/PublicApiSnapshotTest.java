package io.logto.management.core;

import io.logto.management.testsupport.ApiSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Core's public API (public types of the exported packages {@code io.logto.management.core} and
 * {@code io.logto.management.core.client}, and their public and protected members) equals the committed snapshot, so every addition, rename or removal shows in review. After an
 * intended change, rerun with {@code -Dapi.snapshot.update=true} and commit the file.
 */
final class PublicApiSnapshotTest {
  @Test
  void publicApiMatchesTheSnapshot() {
    ApiSnapshot.of(Path.of("src/test/resources/api/logto-management-core.txt"),
        "io.logto.management.core", "io.logto.management.core.client").check();
  }
}

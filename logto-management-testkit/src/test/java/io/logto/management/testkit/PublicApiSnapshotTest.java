package io.logto.management.testkit;

import io.logto.management.testsupport.ApiSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public API of the emulator (package {@code io.logto.management.testkit}; its {@code internal} package
 * is not exported) equals the committed snapshot {@code
 * src/test/resources/api/logto-management-testkit.txt}, so every addition, rename or removal shows in
 * review. After an intended change, rerun with {@code -Dapi.snapshot.update=true} and commit the file.
 */
final class PublicApiSnapshotTest {
  @Test
  void publicApiMatchesTheSnapshot() {
    ApiSnapshot.of(Path.of("src/test/resources/api/logto-management-testkit.txt"),
        "io.logto.management.testkit").check();
  }
}

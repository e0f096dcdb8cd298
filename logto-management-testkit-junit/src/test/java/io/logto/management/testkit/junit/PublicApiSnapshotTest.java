package io.logto.management.testkit.junit;

import io.logto.management.testsupport.ApiSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public API of the JUnit extension (package {@code io.logto.management.testkit.junit}) equals the
 * committed snapshot {@code src/test/resources/api/logto-management-testkit-junit.txt}, so every addition,
 * rename or removal shows in review. After an intended change, rerun with {@code
 * -Dapi.snapshot.update=true} and commit the file.
 */
final class PublicApiSnapshotTest {
  @Test
  void publicApiMatchesTheSnapshot() {
    ApiSnapshot.of(Path.of("src/test/resources/api/logto-management-testkit-junit.txt"),
        "io.logto.management.testkit.junit").check();
  }
}

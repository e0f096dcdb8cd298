package io.logto.management.webhooks;

import io.logto.management.testsupport.ApiSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The public API of the webhooks module (package {@code io.logto.management.webhooks}) equals the committed
 * snapshot {@code src/test/resources/api/logto-management-webhooks.txt}, so every addition, rename or
 * removal shows in review. After an intended change, rerun with {@code -Dapi.snapshot.update=true} and
 * commit the file.
 */
final class PublicApiSnapshotTest {
  @Test
  void publicApiMatchesTheSnapshot() {
    ApiSnapshot.of(Path.of("src/test/resources/api/logto-management-webhooks.txt"),
        "io.logto.management.webhooks").check();
  }
}

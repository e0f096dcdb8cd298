package io.logto.management.spring.boot;

import io.logto.management.testsupport.ApiSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The public API of the starter (its four packages) equals the committed snapshot {@code
 * src/test/resources/api/logto-management-spring-boot-starter.txt}, so every addition, rename or removal
 * shows in review. After an intended change, rerun with {@code -Dapi.snapshot.update=true} and commit the
 * file. Checked where the starter is compiled: its Boot 4 rerun ({@code
 * logto-management-spring-boot4-tests}) has no classes of the starter's own and skips it.
 */
final class PublicApiSnapshotTest {
  @Test
  void publicApiMatchesTheSnapshot() {
    ApiSnapshot snapshot = ApiSnapshot.of(
        Path.of("src/test/resources/api/logto-management-spring-boot-starter.txt"),
        "io.logto.management.spring.boot", "io.logto.management.spring.boot.health",
        "io.logto.management.spring.boot.test", "io.logto.management.spring.boot.webhooks")
        // compiled against Boot 4's HealthIndicator, absent from this Boot 3 class path
        .namingOnly("io.logto.management.spring.boot.health.LogtoBoot4HealthIndicator");
    Assumptions.assumeTrue(snapshot.classesPresent(),
        "the starter's classes are not in this module's target/classes (the Boot 4 rerun of its tests)");
    snapshot.check();
  }
}

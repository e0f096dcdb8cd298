package io.logto.management.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ApiSnapshotTest {
  private static final String FIXTURE = "io.logto.management.testsupport.apifixture";
  private static final String GREETER = FIXTURE + ".Greeter : ";
  private static final String PAIR = FIXTURE + ".Greeter$Pair : ";

  @TempDir
  Path dir;

  private ApiSnapshot fixture(Path file) {
    return ApiSnapshot.of(file, FIXTURE).classesIn(Path.of("target", "test-classes"));
  }

  @Test
  void listsPublicTypesWithTheirPublicAndProtectedMembersSorted() {
    assertThat(fixture(dir.resolve("api.txt")).lines()).containsExactly(
        GREETER + "protected void " + FIXTURE + ".Greeter.prepare()",
        GREETER + "public class " + FIXTURE + ".Greeter",
        GREETER + "public " + FIXTURE + ".Greeter()",
        GREETER + "public java.lang.String " + FIXTURE + ".Greeter.greet(java.util.List<java.lang.String>)",
        GREETER + "public static final java.lang.String " + FIXTURE + ".Greeter.GREETING",
        PAIR + "public final boolean " + FIXTURE + ".Greeter$Pair.equals(java.lang.Object)",
        PAIR + "public final int " + FIXTURE + ".Greeter$Pair.hashCode()",
        PAIR + "public final java.lang.String " + FIXTURE + ".Greeter$Pair.toString()",
        PAIR + "public int " + FIXTURE + ".Greeter$Pair.right()",
        PAIR + "public " + FIXTURE + ".Greeter$Pair(java.lang.String,int)",
        PAIR + "public java.lang.String " + FIXTURE + ".Greeter$Pair.left()",
        PAIR + "public static final record " + FIXTURE + ".Greeter$Pair")
        .isSorted();
  }

  @Test
  void namesOnlyListsKindsAndPublicMethodsWithoutTheRootPackage() {
    assertThat(fixture(dir.resolve("api.txt")).namesOnly("io.logto.management.testsupport.").lines()).containsExactly(
        "apifixture.Greeter class",
        "apifixture.Greeter greet(java.util.List<String>)",
        "apifixture.Greeter$Pair equals(Object)",
        "apifixture.Greeter$Pair hashCode()",
        "apifixture.Greeter$Pair left()",
        "apifixture.Greeter$Pair record",
        "apifixture.Greeter$Pair right()",
        "apifixture.Greeter$Pair toString()");
  }

  @Test
  void checkPassesOnTheSameTextAndNamesTheFirstDifferentLineOtherwise() throws IOException {
    Path file = dir.resolve("fixture-api.txt");
    ApiSnapshot snapshot = fixture(file);
    Files.writeString(file, String.join("\n", snapshot.lines()) + "\n");
    snapshot.check(false);

    Files.writeString(file, Files.readString(file).replace("greet(", "welcome("));
    assertThatThrownBy(() -> snapshot.check(false)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("public API differs from " + file)
        .hasMessageContaining("line 4 is\n  " + GREETER + "public java.lang.String " + FIXTURE + ".Greeter.greet(")
        .hasMessageContaining("-Dapi.snapshot.update=true");
  }

  @Test
  void aTypeNamedOnlyIsOneLineWithoutItsMembers() {
    assertThat(fixture(dir.resolve("api.txt")).namingOnly(FIXTURE + ".Greeter$Pair").lines())
        .contains(PAIR + "(listed by name only: its signatures name classes absent from the tests)")
        .noneMatch(line -> line.startsWith(PAIR + "public"))
        .anyMatch(line -> line.startsWith(GREETER + "public"));
  }

  @Test
  void updatingRewritesTheFile() throws IOException {
    Path file = dir.resolve("stale-api.txt");
    Files.writeString(file, "stale\n");
    fixture(file).check(true);
    assertThat(Files.readAllLines(file)).isEqualTo(fixture(file).lines());
  }

  @Test
  void aPackageWithoutClassesIsNamed() {
    ApiSnapshot missing = ApiSnapshot.of(dir.resolve("api.txt"), "io.logto.nothing").classesIn(dir);
    assertThat(missing.classesPresent()).isFalse();
    assertThatThrownBy(missing::lines).isInstanceOf(IllegalStateException.class).hasMessageContaining("io.logto.nothing");
  }
}

package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares core's public API (public types of {@code io.logto.management.core} and their public and
 * protected members) with the committed snapshot, so every addition, rename or removal shows in review.
 * After an intended change, rerun with {@code -Dapi.snapshot.update=true} and commit the file.
 */
final class PublicApiSnapshotTest {
  private static final Path SNAPSHOT = Path.of("src", "test", "resources", "api", "logto-management-core.txt");
  private static final Path CLASSES = Path.of("target", "classes", "io", "logto", "management", "core");

  @Test
  void publicApiMatchesTheSnapshot() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(CLASSES), "compiled classes not found: run from the module folder");
    String actual = String.join("\n", describeApi()) + "\n";
    if (Boolean.getBoolean("api.snapshot.update")) {
      Files.writeString(SNAPSHOT, actual, StandardCharsets.UTF_8);
    }
    Path written = Path.of("target", "logto-management-core-api.txt");
    Files.writeString(written, actual, StandardCharsets.UTF_8);

    assertThat(Files.readString(SNAPSHOT, StandardCharsets.UTF_8))
        .as("public API differs from %s (actual in %s; rerun with -Dapi.snapshot.update=true if intended)",
            SNAPSHOT, written)
        .isEqualTo(actual);
  }

  private static List<String> describeApi() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Class<?> type : publicTypes()) {
      String owner = type.getName();
      lines.add(owner + " : " + declaration(type));
      Stream.of(type.getDeclaredConstructors()).filter(PublicApiSnapshotTest::visible)
          .forEach(constructor -> lines.add(owner + " : " + constructor.toGenericString()));
      Stream.of(type.getDeclaredMethods()).filter(method -> visible(method) && !method.isBridge())
          .forEach(method -> lines.add(owner + " : " + method.toGenericString()));
      Stream.of(type.getDeclaredFields()).filter(PublicApiSnapshotTest::visible)
          .forEach(field -> lines.add(owner + " : " + field.toGenericString()));
    }
    return lines.stream().sorted().toList();
  }

  private static List<Class<?>> publicTypes() throws IOException {
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(CLASSES)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
        String simple = file.getFileName().toString().replace(".class", "");
        if (simple.equals("package-info")) {
          continue;
        }
        try {
          Class<?> type = Class.forName("io.logto.management.core." + simple, false,
              PublicApiSnapshotTest.class.getClassLoader());
          if (reachable(type)) {
            types.add(type);
          }
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return types;
  }

  // public, and so are the types enclosing it
  private static boolean reachable(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(Member member) {
    return !member.isSynthetic()
        && (Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers()));
  }

  private static String declaration(Class<?> type) {
    // JDK 17 leaves "sealed" out of toGenericString and later JDKs print it: name it the same way on both
    String generic = type.toGenericString().replace("non-sealed ", "").replace("sealed ", "");
    StringBuilder out = new StringBuilder(type.isSealed() ? "sealed " + generic : generic);
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
        && !type.isRecord()) {
      out.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      out.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(type.getGenericInterfaces())
          .map(java.lang.reflect.Type::getTypeName).collect(Collectors.joining(", ")));
    }
    return out.toString();
  }
}

package io.logto.management.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user documentation as files: the README, the guides under {@code docs/}, and the sources of the
 * example modules that the guides' Java blocks must match. The repository root comes from the
 * {@code logto.repository.dir} system property (set by this module's POM).
 */
final class RepositoryDocs {
  private RepositoryDocs() {}

  static Path root() {
    String dir = System.getProperty("logto.repository.dir");
    if (dir == null) {
      throw new IllegalStateException("system property logto.repository.dir is not set (examples/pom.xml sets it)");
    }
    Path root = Path.of(dir).toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("README.md"))) {
      throw new IllegalStateException("logto.repository.dir " + root + " holds no README.md");
    }
    return root;
  }

  /** README.md and every guide under docs/, the pages whose Java blocks are checked. */
  static List<Path> userPages() {
    List<Path> pages = new ArrayList<>();
    pages.add(root().resolve("README.md"));
    pages.addAll(guides());
    return pages;
  }

  /** The guides: docs/*.md. */
  static List<Path> guides() {
    return files(root().resolve("docs"), ".md");
  }

  /** Every Markdown page whose relative links are checked: the user pages and the developers' ones. */
  static List<Path> linkedPages() {
    Path root = root();
    List<Path> pages = new ArrayList<>(userPages());
    pages.add(root.resolve("DEVELOPERS.md"));
    pages.addAll(files(root.resolve("benchmarks"), ".md").stream()
        .filter(p -> p.getParent().equals(root.resolve("benchmarks"))).toList());
    return pages;
  }

  /** The Java sources (main and test) of the example modules. */
  static List<Path> exampleSources() {
    Path root = root();
    List<Path> sources = new ArrayList<>();
    for (String module : List.of("examples", "examples-spring-boot")) {
      sources.addAll(files(root.resolve(module).resolve("src"), ".java"));
    }
    return sources;
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String relative(Path file) {
    return root().relativize(file).toString().replace('\\', '/');
  }

  private static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

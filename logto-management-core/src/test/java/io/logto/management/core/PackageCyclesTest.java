package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every source file of core (imports and qualified names in code, not in comments) and fails on
 * a cycle between its packages, naming the cycle and the files that make each step. Nothing is
 * allowed. The layers: the client ({@code core.client}) uses the machinery ({@code core.internal.*}),
 * which uses the types users touch ({@code core}), which use only the leaf internal packages (text,
 * JSON, HTTP, time); so no type of {@code core} may name the client or a machinery class.
 */
final class PackageCyclesTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  // a package of ours followed by a type name or a wildcard
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(io\\.logto\\.management\\.core(?:\\.[a-z][a-z0-9_]*)*)\\.(?:[A-Z]|\\*)");

  /** One dependency: a file of package {@code from} names a type of package {@code to}. */
  record Edge(String from, String to, String file) {}

  @Test
  void corePackagesHaveNoCycle() {
    assertThat(describeCycle(edges(SOURCES))).as("package cycle in core (break it, e.g. move the shared type to a leaf"
        + " package; a type of io.logto.management.core names the client only in Javadoc)").isEmpty();
  }

  @Test
  void namesTheCycleItFinds() {
    List<Edge> edges = List.of(new Edge("a", "b", "A.java"), new Edge("b", "c", "B.java"),
        new Edge("c", "a", "C.java"), new Edge("c", "d", "C.java"));

    assertThat(describeCycle(edges)).hasValue("a -> b -> c -> a (a -> b in A.java; b -> c in B.java; c -> a in C.java)");
    assertThat(describeCycle(edges.subList(0, 2))).isEmpty();
  }

  private static List<Edge> edges(Path root) {
    List<Edge> edges = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher declared = PACKAGE.matcher(text);
        if (!declared.find()) {
          continue; // module-info
        }
        String from = declared.group(1);
        for (String line : code(text)) {
          Matcher reference = REFERENCE.matcher(line);
          while (reference.find()) {
            if (!reference.group(1).equals(from)) {
              edges.add(new Edge(from, reference.group(1), file.getFileName().toString()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(edges).as("edges read from " + root.toAbsolutePath()).isNotEmpty();
    return edges;
  }

  // lines of code after the package declaration, without comment lines
  private static List<String> code(String text) {
    return text.lines().map(String::strip).filter(line -> !line.startsWith("package "))
        .filter(line -> !line.startsWith("*") && !line.startsWith("/*") && !line.startsWith("//")).toList();
  }

  /** Finds a cycle by depth-first search; describes it with the files that make each step. */
  private static Optional<String> describeCycle(List<Edge> edges) {
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    for (Edge edge : edges) {
      graph.computeIfAbsent(edge.from(), key -> new TreeMap<>()).computeIfAbsent(edge.to(), key -> new TreeSet<>())
          .add(edge.file());
    }
    Set<String> done = new HashSet<>();
    for (String start : graph.keySet()) {
      List<String> cycle = search(graph, start, new ArrayList<>(), done);
      if (!cycle.isEmpty()) {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i + 1 < cycle.size(); i++) {
          steps.add(cycle.get(i) + " -> " + cycle.get(i + 1) + " in "
              + String.join(", ", graph.get(cycle.get(i)).get(cycle.get(i + 1))));
        }
        return Optional.of(String.join(" -> ", cycle) + " (" + String.join("; ", steps) + ")");
      }
    }
    return Optional.empty();
  }

  // the cycle closed from the current path, first package repeated at the end; empty when none
  private static List<String> search(Map<String, Map<String, Set<String>>> graph, String node, List<String> path,
      Set<String> done) {
    int seen = path.indexOf(node);
    if (seen >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
      cycle.add(node);
      return cycle;
    }
    if (done.contains(node)) {
      return List.of();
    }
    path.add(node);
    for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
      List<String> cycle = search(graph, next, path, done);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return List.of();
  }
}

package io.logto.management.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of the README and the guides is code of the example modules, which the build
 * compiles (and, for most regions, runs against the emulator): see {@link Snippets} for the convention.
 */
final class DocSnippetsTest {
  @Test
  void everyJavaBlockOfTheDocsIsCompiledExampleCode() {
    List<Snippets.Block> blocks = new ArrayList<>();
    for (Path page : RepositoryDocs.userPages()) {
      blocks.addAll(Snippets.blocks(RepositoryDocs.relative(page), RepositoryDocs.lines(page)));
    }
    List<String> parseProblems = new ArrayList<>();
    List<Snippets.Region> regions = new ArrayList<>();
    for (Path source : RepositoryDocs.exampleSources()) {
      regions.addAll(Snippets.regions(RepositoryDocs.relative(source), RepositoryDocs.lines(source), parseProblems));
    }

    List<String> problems = Snippets.problems(blocks, regions, parseProblems);

    assertThat(blocks).as("Java blocks in README.md and docs/*.md").isNotEmpty();
    assertThat(blocks).filteredOn(block -> block.page().equals("README.md")).as("the README's tour").isNotEmpty();
    assertThat(problems).as("%d Java blocks checked against %d regions", blocks.size(), regions.size()).isEmpty();
    System.out.printf("DocSnippetsTest: %d Java blocks of %d pages equal their regions in the example modules%n",
        blocks.size(), RepositoryDocs.userPages().size());
  }

  @Test
  void aBlockThatDiffersFromItsRegionIsReportedWithTheFirstDifferentLine() {
    List<Snippets.Block> blocks = Snippets.blocks("guide.md", List.of(
        "Text.", "", "<!-- snippet: list -->", "```java", "logto.users().listCustomData(id);", "```"));
    List<String> parseProblems = new ArrayList<>();
    List<Snippets.Region> regions = Snippets.regions("Example.java", List.of(
        "class Example {", "  void run() {", "    // snippet: list", "    logto.users().getCustomData(id);",
        "    // end snippet", "  }", "}"), parseProblems);

    assertThat(Snippets.problems(blocks, regions, parseProblems)).singleElement().asString()
        .contains("guide.md:4", "snippet 'list' differs from Example.java:3", "listCustomData", "getCustomData");
  }

  @Test
  void aBlockWithoutMarkerAMissingRegionAndAnUnshownRegionAreEachReported() {
    List<Snippets.Block> blocks = Snippets.blocks("guide.md", List.of(
        "```java", "int a = 1;", "```", "", "<!-- snippet: gone -->", "```java", "int b = 2;", "```",
        "```sh", "./mvnw verify", "```"));
    List<String> parseProblems = new ArrayList<>();
    List<Snippets.Region> regions = Snippets.regions("Example.java", List.of(
        "// snippet: unused", "int c = 3;", "// end snippet", "// snippet: open", "int d = 4;"), parseProblems);

    assertThat(Snippets.problems(blocks, regions, parseProblems)).containsExactlyInAnyOrder(
        "Example.java:4: region 'open' has no '// end snippet'",
        "guide.md:1: ```java block without a '<!-- snippet: name -->' line before it",
        "guide.md:6: snippet 'gone' names no '// snippet: gone' region in the example modules",
        "Example.java:1: region 'unused' is shown by no page (remove it or show it)");
  }

  @Test
  void nestedRegionsAndIndentationCompareAsTheReaderSeesThem() {
    List<Snippets.Block> blocks = Snippets.blocks("guide.md", List.of(
        "<!-- snippet: outer -->", "```java", "for (var x : xs) {", "  use(x);", "}", "```",
        "- a list item", "  <!-- snippet: inner -->", "  ```java", "  use(x);", "  ```"));
    List<String> parseProblems = new ArrayList<>();
    List<Snippets.Region> regions = Snippets.regions("Example.java", List.of(
        "    // snippet: outer", "    for (var x : xs) {", "      // snippet: inner", "      use(x);",
        "      // end snippet", "    }", "    // end snippet"), parseProblems);

    assertThat(Snippets.problems(blocks, regions, parseProblems)).isEmpty();
  }
}

package io.logto.management.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the README, the guides, DEVELOPERS.md and the benchmarks' pages leads to a file
 * of the repository, and every {@code #anchor} to a heading of its page (GitHub's heading ids).
 */
final class DocLinksTest {
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern FENCE = Pattern.compile("^\\s*```.*$");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

  @Test
  void everyRelativeLinkAndAnchorResolves() {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : RepositoryDocs.linkedPages()) {
      for (Link link : links(page)) {
        checked++;
        String problem = problem(page, link.target());
        if (problem != null) {
          broken.add(RepositoryDocs.relative(page) + ":" + link.line() + ": " + link.target() + ": " + problem);
        }
      }
    }
    assertThat(checked).as("relative links found").isPositive();
    assertThat(broken).as("%d relative links checked", checked).isEmpty();
  }

  @Test
  void everyGuideIsLinkedFromTheReadme() {
    Path root = RepositoryDocs.root();
    Set<Path> linked = new LinkedHashSet<>();
    for (Link link : links(root.resolve("README.md"))) {
      linked.add(root.resolve(link.target().replaceFirst("#.*", "")).normalize());
    }
    List<Path> guides = RepositoryDocs.guides();

    assertThat(guides).isNotEmpty();
    assertThat(linked).containsAll(guides);
  }

  @Test
  void headingIdsFollowGitHub() {
    assertThat(ids(List.of("# logto-java", "## Retries and timeouts", "### `LogtoClient` variants",
        "## Any endpoint, typed or not", "## Set-up", "## Set-up", "## What 501 means: [link](x.md)")))
        .containsExactly("logto-java", "retries-and-timeouts", "logtoclient-variants", "any-endpoint-typed-or-not",
            "set-up", "set-up-1", "what-501-means-link");
  }

  private static String problem(Path page, String target) {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
    if (!Files.exists(resolved)) {
      return "no such file " + RepositoryDocs.root().relativize(resolved);
    }
    if (anchor == null) {
      return null;
    }
    if (!resolved.toString().endsWith(".md")) {
      return "an anchor into a file that is not Markdown";
    }
    return ids(RepositoryDocs.lines(resolved)).contains(anchor) ? null : "no heading with id '" + anchor + "'";
  }

  /** The links of a page outside code (fenced blocks and inline code), web and mail links left out. */
  private static List<Link> links(Path page) {
    List<Link> links = new ArrayList<>();
    boolean inFence = false;
    List<String> lines = RepositoryDocs.lines(page);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (FENCE.matcher(line).matches()) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
      while (link.find()) {
        String target = link.group(1);
        if (!target.matches("(?i)(https?|mailto):.*")) {
          links.add(new Link(i + 1, target));
        }
      }
    }
    return links;
  }

  /** GitHub's ids of a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
  private static List<String> ids(List<String> lines) {
    List<String> ids = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : lines) {
      if (FENCE.matcher(line).matches()) {
        inFence = !inFence;
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (inFence || !heading.matches()) {
        continue;
      }
      String text = heading.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
      String id = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
      int repeat = seen.merge(id, 1, Integer::sum) - 1;
      ids.add(repeat == 0 ? id : id + "-" + repeat);
    }
    return ids;
  }

  private record Link(int line, String target) {}
}

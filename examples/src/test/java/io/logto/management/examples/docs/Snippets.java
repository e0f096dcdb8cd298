package io.logto.management.examples.docs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The convention that keeps the documentation's Java compiling. A Markdown page's {@code ```java} block
 * is preceded by {@code <!-- snippet: name -->}; a Java source of the example modules holds the same
 * code between {@code // snippet: name} and {@code // end snippet}. The block must equal the region line
 * for line once both are dedented (trailing blanks ignored), so a block that no longer compiles, or
 * code that changed under a block, fails the build. Regions may nest; marker lines are not part of the
 * code around them.
 */
final class Snippets {
  private static final Pattern PAGE_MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*([\\w.-]+)\\s*-->\\s*$");
  private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([\\w-]*)\\s*$");
  private static final Pattern REGION_START = Pattern.compile("^\\s*//\\s*snippet:\\s*([\\w.-]+)\\s*$");
  private static final Pattern REGION_END = Pattern.compile("^\\s*//\\s*end snippet\\s*$");

  private Snippets() {}

  /** A {@code ```java} block of a page, and the region name its marker gives (null when it has none). */
  record Block(String page, int line, String name, List<String> code) {
    String where() {
      return page + ":" + line;
    }
  }

  /** A marked region of an example source. */
  record Region(String file, int line, String name, List<String> code) {
    String where() {
      return file + ":" + line;
    }
  }

  static List<Block> blocks(String page, List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    String pendingName = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher marker = PAGE_MARKER.matcher(line);
      if (marker.matches()) {
        pendingName = marker.group(1);
        continue;
      }
      Matcher fence = FENCE.matcher(line);
      if (fence.matches()) {
        int start = i;
        List<String> code = new ArrayList<>();
        for (i++; i < lines.size() && !FENCE.matcher(lines.get(i)).matches(); i++) {
          code.add(lines.get(i));
        }
        if (fence.group(2).equals("java")) {
          blocks.add(new Block(page, start + 1, pendingName, normalised(code)));
        }
        pendingName = null;
        continue;
      }
      if (!line.isBlank()) {
        pendingName = null;
      }
    }
    return blocks;
  }

  static List<Region> regions(String file, List<String> lines, List<String> problems) {
    List<Region> regions = new ArrayList<>();
    Deque<OpenRegion> open = new ArrayDeque<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher start = REGION_START.matcher(line);
      if (start.matches()) {
        open.push(new OpenRegion(start.group(1), i + 1));
      } else if (REGION_END.matcher(line).matches()) {
        if (open.isEmpty()) {
          problems.add(file + ":" + (i + 1) + ": '// end snippet' without a '// snippet: name' before it");
        } else {
          OpenRegion region = open.pop();
          regions.add(new Region(file, region.line, region.name, normalised(region.code)));
        }
      } else {
        open.forEach(region -> region.code.add(line));
      }
    }
    open.forEach(region -> problems.add(file + ":" + region.line + ": region '" + region.name + "' has no '// end snippet'"));
    return regions;
  }

  /** A region whose end marker has not been read yet. */
  private static final class OpenRegion {
    final String name;
    final int line;
    final List<String> code = new ArrayList<>();

    OpenRegion(String name, int line) {
      this.name = name;
      this.line = line;
    }
  }

  /**
   * Everything wrong with the pages' blocks against the sources' regions: a block without a marker, a
   * marker naming no region, a block that differs from its region (with the first differing line), a
   * region defined twice, a region no page shows.
   */
  static List<String> problems(List<Block> blocks, List<Region> regions, List<String> parseProblems) {
    List<String> problems = new ArrayList<>(parseProblems);
    Map<String, Region> byName = new LinkedHashMap<>();
    for (Region region : regions) {
      Region earlier = byName.putIfAbsent(region.name(), region);
      if (earlier != null) {
        problems.add("region '" + region.name() + "' is defined twice: " + earlier.where() + " and " + region.where());
      }
    }
    Set<String> shown = new TreeSet<>();
    for (Block block : blocks) {
      if (block.name() == null) {
        problems.add(block.where() + ": ```java block without a '<!-- snippet: name -->' line before it");
        continue;
      }
      Region region = byName.get(block.name());
      if (region == null) {
        problems.add(block.where() + ": snippet '" + block.name() + "' names no '// snippet: " + block.name()
            + "' region in the example modules");
        continue;
      }
      shown.add(block.name());
      String difference = firstDifference(block.code(), region.code());
      if (difference != null) {
        problems.add(block.where() + ": snippet '" + block.name() + "' differs from " + region.where() + ": " + difference);
      }
    }
    for (Region region : byName.values()) {
      if (!shown.contains(region.name())) {
        problems.add(region.where() + ": region '" + region.name() + "' is shown by no page (remove it or show it)");
      }
    }
    return problems;
  }

  private static String firstDifference(List<String> page, List<String> source) {
    for (int i = 0; i < Math.max(page.size(), source.size()); i++) {
      String inPage = i < page.size() ? page.get(i) : "<end>";
      String inSource = i < source.size() ? source.get(i) : "<end>";
      if (!inPage.equals(inSource)) {
        return "line " + (i + 1) + " of the block is\n    " + inPage + "\n  the source has\n    " + inSource;
      }
    }
    return null;
  }

  /** Dedented by the smallest indentation, trailing blanks removed, blank lines at either end dropped. */
  static List<String> normalised(List<String> code) {
    List<String> lines = new ArrayList<>(code.stream().map(Snippets::stripTrailing).toList());
    while (!lines.isEmpty() && lines.get(0).isEmpty()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    int indent = lines.stream().filter(l -> !l.isEmpty()).mapToInt(Snippets::indentation).min().orElse(0);
    return lines.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList();
  }

  private static int indentation(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static String stripTrailing(String line) {
    return line.replace("\t", "  ").stripTrailing();
  }
}

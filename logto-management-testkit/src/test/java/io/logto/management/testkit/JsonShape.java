package io.logto.management.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares two JSON trees by shape: same node types, same object keys, same array lengths,
 * recursively; values may differ (ids, times and secrets never repeat between two servers).
 */
final class JsonShape {
  private JsonShape() {}

  /** The differences of {@code actual} from {@code recorded}, each naming where it is ({@code $.a[0].b}). */
  static List<String> differences(JsonNode recorded, JsonNode actual) {
    List<String> problems = new ArrayList<>();
    compare("$", recorded, actual, problems);
    return problems;
  }

  private static void compare(String where, JsonNode recorded, JsonNode actual, List<String> problems) {
    if (actual == null || actual.isMissingNode()) {
      problems.add(where + " missing");
      return;
    }
    JsonNodeType type = recorded.getNodeType();
    if (type != actual.getNodeType()) {
      problems.add(where + " is " + actual.getNodeType() + ", recorded " + type);
      return;
    }
    if (recorded.isObject()) {
      TreeSet<String> expected = new TreeSet<>();
      recorded.fieldNames().forEachRemaining(expected::add);
      TreeSet<String> got = new TreeSet<>();
      actual.fieldNames().forEachRemaining(got::add);
      if (!expected.equals(got)) {
        problems.add(where + " fields " + got + " != recorded " + expected);
      }
      for (String field : expected) {
        if (got.contains(field)) {
          compare(where + "." + field, recorded.get(field), actual.get(field), problems);
        }
      }
    } else if (recorded.isArray()) {
      if (recorded.size() != actual.size()) {
        problems.add(where + " has " + actual.size() + " items, recorded " + recorded.size());
        return;
      }
      List<String> inOrder = new ArrayList<>();
      for (int i = 0; i < recorded.size(); i++) {
        compare(where + "[" + i + "]", recorded.get(i), actual.get(i), inOrder);
      }
      if (!inOrder.isEmpty() && !sameShapesInSomeOrder(recorded, actual)) {
        problems.addAll(inOrder);
      }
    }
  }

  /**
   * Logto sends some lists in no defined order (rows in PostgreSQL's physical order, sets of ids):
   * accept items whose shapes match one to one in another order.
   */
  private static boolean sameShapesInSomeOrder(JsonNode recorded, JsonNode actual) {
    List<JsonNode> left = new ArrayList<>();
    actual.forEach(left::add);
    for (JsonNode expected : recorded) {
      boolean found = false;
      for (Iterator<JsonNode> it = left.iterator(); it.hasNext() && !found; ) {
        List<String> problems = new ArrayList<>();
        compare("", expected, it.next(), problems);
        if (problems.isEmpty()) {
          it.remove();
          found = true;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }
}

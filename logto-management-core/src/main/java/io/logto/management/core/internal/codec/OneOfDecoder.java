package io.logto.management.core.internal.codec;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the variant of a generated oneOf interface for its deserializer: written once here instead
 * of in every generated file. Thread-safe (no state).
 */
public final class OneOfDecoder {
  private OneOfDecoder() {}

  /**
   * A variant and what recognises it.
   *
   * @param type the variant record
   * @param required properties that must be present
   * @param constants properties whose value, when present, must be one of the given texts
   * @param <T> the oneOf interface
   */
  public record Candidate<T>(Class<? extends T> type, List<String> required, Map<String, Set<String>> constants) {
    /** Returns how many facts the node matches, or -1 when it contradicts one. */
    int score(JsonNode node) {
      if (!node.isObject()) {
        return -1;
      }
      int score = 0;
      for (String name : required) {
        if (!node.has(name)) {
          return -1;
        }
        score++;
      }
      for (Map.Entry<String, Set<String>> e : constants.entrySet()) {
        JsonNode value = node.get(e.getKey());
        if (value == null) {
          continue;
        }
        if (!value.isValueNode() || !e.getValue().contains(value.asText())) {
          return -1;
        }
        score++;
      }
      return score;
    }
  }

  /**
   * Decodes the node as the best-scoring candidate that decodes cleanly, else wraps it with
   * {@code fallback}.
   *
   * @param node the JSON value
   * @param context Jackson's context
   * @param candidates the variants in document order
   * @param fallback wraps JSON that matches no variant
   * @param <T> the oneOf interface
   * @return the decoded variant or the fallback
   */
  public static <T> T pick(
      JsonNode node, DeserializationContext context, List<Candidate<T>> candidates, Function<JsonNode, T> fallback) {
    List<Candidate<T>> ranked = new ArrayList<>(candidates);
    ranked.removeIf(c -> c.score(node) < 0);
    ranked.sort(Comparator.comparingInt((Candidate<T> c) -> c.score(node)).reversed());
    for (Candidate<T> c : ranked) {
      try {
        return context.readTreeAsValue(node, c.type());
      } catch (IOException e) {
        // a shape that fits the facts but not the types: try the next one
      }
    }
    return fallback.apply(node);
  }
}

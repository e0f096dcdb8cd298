package io.logto.benchmarks;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.logto.management.core.internal.codec.RecordDecoder;
import io.logto.management.core.internal.json.Json;
import io.logto.management.model.User;
import io.logto.management.testsupport.DeserializerBlindIntrospector;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decode only: the 100-user page of {@link UserPage} into the generated {@link User} (with the SDK's
 * mapper) against the hand-written lean record {@link BenchUser} (with a plain mapper), in one JVM,
 * interleaved, no network. Diagnostic variants add one trait of the generated type to the lean record,
 * or take one away from the generated type ({@link UserShapes}), to show where the typed decoding
 * spends its time; "typed, Jackson records" decodes the generated type through Jackson's own record
 * path (property-based creator) instead of core's {@code RecordDecoder}, as before the decoder. The
 * {@link UserShapes} copies decode their top level through Jackson's path and the nested generated
 * records through the decoder.
 *
 * <p>Options: {@code --rounds 20}, {@code --batch 200} iterations per round (each decodes every variant once), {@code --only NAME}
 * decodes one variant for {@code --seconds} (for a profiler such as JFR).
 */
public final class DecodeBenchmark {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** The lean record with a catch-all map for unknown fields, as every generated record has. */
  record LeanWithCatchAll(String id, String username, String primaryEmail, String primaryPhone, String name,
      String avatar, Map<String, Object> customData, Map<String, Object> identities, Long lastSignInAt,
      long createdAt, long updatedAt, Map<String, Object> profile, String applicationId, String cimdClientId,
      @JsonProperty("isSuspended") boolean isSuspended, boolean hasPassword,
      @JsonAnySetter Map<String, JsonNode> additionalProperties) {}

  /** The lean record with the generated record's number types: BigDecimal timestamps. */
  record LeanWithBigDecimal(String id, String username, String primaryEmail, String primaryPhone, String name,
      String avatar, Map<String, Object> customData, Map<String, Object> identities, BigDecimal lastSignInAt,
      BigDecimal createdAt, BigDecimal updatedAt, Map<String, Object> profile, String applicationId,
      String cimdClientId, @JsonProperty("isSuspended") boolean isSuspended, boolean hasPassword) {}

  /** The lean record with trees instead of maps for the free-form parts, as the generated customData. */
  record LeanWithTrees(String id, String username, String primaryEmail, String primaryPhone, String name,
      String avatar, JsonNode customData, JsonNode identities, Long lastSignInAt, long createdAt, long updatedAt,
      JsonNode profile, String applicationId, String cimdClientId,
      @JsonProperty("isSuspended") boolean isSuspended, boolean hasPassword) {}

  private record Variant(String name, ObjectMapper mapper, JavaType type) {}

  private DecodeBenchmark() {}

  /**
   * Runs the comparison and prints per-variant time and allocation per page, relative to the lean record.
   *
   * @param args the options above
   * @throws Exception if a page does not decode
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchArgs.parse(args);
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "20"));
    int batch = Integer.parseInt(options.getOrDefault("batch", "200"));
    ObjectMapper plain = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    ObjectMapper sdk = Json.defaultMapper();
    byte[] page = UserPage.json(plain, 100);
    List<Variant> variants = List.of(
        variant("lean (hand-written)", plain, BenchUser.class),
        variant("typed User", sdk, User.class),
        variant("typed, Jackson records", JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .annotationIntrospector(new DeserializerBlindIntrospector(RecordDecoder.class)).build(), User.class),
        variant("lean, SDK mapper", sdk, BenchUser.class),
        variant("lean + catch-all map", plain, LeanWithCatchAll.class),
        variant("lean + BigDecimal", plain, LeanWithBigDecimal.class),
        variant("lean + JsonNode parts", plain, LeanWithTrees.class),
        variant("typed - catch-all", sdk, UserShapes.NoCatchAll.class),
        variant("typed - ctor copies", sdk, UserShapes.NoCopies.class),
        variant("typed - nested records", sdk, UserShapes.NoNestedRecords.class),
        variant("typed - JsonField", sdk, UserShapes.NoJsonField.class),
        variant("typed - Instant", sdk, UserShapes.NoInstant.class));

    String only = options.get("only");
    if (only != null) {
      Variant variant = variants.stream().filter(v -> v.name().startsWith(only)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no variant starting with " + only));
      long end = System.nanoTime() + (long) (Double.parseDouble(options.getOrDefault("seconds", "20")) * 1e9);
      long pages = 0;
      while (System.nanoTime() < end) {
        decode(variant, page, batch);
        pages += batch;
      }
      System.out.printf(Locale.ROOT, "%s: %,d pages decoded%n", variant.name(), pages);
      return;
    }

    System.out.printf(Locale.ROOT, "decode a %,d-byte 100-user page; %d rounds of %d iterations, each decoding every variant once in rotated order"
        + "; Java %s, load average %.1f%n", page.length, rounds, batch, System.getProperty("java.version"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (int warm = 0; warm < 10; warm++) {
      for (Variant variant : variants) {
        decode(variant, page, batch);
      }
    }
    // every iteration decodes each variant once, the order rotating, so all variants meet the same
    // moment of a loaded machine; CPU time of this thread is the verdict (descheduling does not count)
    int n = variants.size();
    Map<String, List<Double>> micros = new LinkedHashMap<>();
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    Map<String, Double> bytes = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      long[] cpu = new long[n];
      long[] allocated = new long[n];
      for (int iteration = 0; iteration < batch; iteration++) {
        for (int k = 0; k < n; k++) {
          int v = (k + iteration) % n;
          long a0 = THREADS.getCurrentThreadAllocatedBytes();
          long c0 = THREADS.getCurrentThreadCpuTime();
          decode(variants.get(v), page, 1);
          cpu[v] += THREADS.getCurrentThreadCpuTime() - c0;
          allocated[v] += THREADS.getCurrentThreadAllocatedBytes() - a0;
        }
      }
      for (int v = 0; v < n; v++) {
        String name = variants.get(v).name();
        micros.computeIfAbsent(name, x -> new ArrayList<>()).add(cpu[v] / 1e3 / batch);
        ratios.computeIfAbsent(name, x -> new ArrayList<>()).add(cpu[v] / (double) cpu[0]);
        bytes.put(name, allocated[v] / (double) batch);
      }
    }
    System.out.printf(Locale.ROOT, "%-24s | %14s | %22s | %12s%n", "variant", "CPU us/page", "CPU / lean (median)",
        "kB/page");
    for (Variant variant : variants) {
      String name = variant.name();
      System.out.printf(Locale.ROOT, "%-24s | %14.1f | %22.3f | %12.1f%n", name, BenchArgs.median(micros.get(name)),
          BenchArgs.median(ratios.get(name)), bytes.get(name) / 1024);
    }
    double typed = BenchArgs.median(ratios.get("typed User"));
    System.out.printf(Locale.ROOT, "typed / lean = %.3f (CPU, median of %d rounds) %s%n", typed, rounds,
        typed <= 1.05 ? "[target <= 1.05 met]" : "[above the 1.05 target]");
  }

  private static Variant variant(String name, ObjectMapper mapper, Class<?> type) {
    return new Variant(name, mapper, mapper.getTypeFactory().constructCollectionType(List.class, type));
  }

  private static void decode(Variant variant, byte[] page, int times) throws java.io.IOException {
    for (int i = 0; i < times; i++) {
      List<?> users = variant.mapper().readValue(page, variant.type());
      if (users.size() != 100) {
        throw new IllegalStateException(variant.name() + " decoded " + users.size() + " users");
      }
    }
  }
}

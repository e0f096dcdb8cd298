package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.logto.management.core.internal.codec.RecordDecoder;
import io.logto.management.testsupport.DeserializerBlindIntrospector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordDecoder} gives every component what Jackson's own record path gives it: the same
 * records decode through both (the old path is the same mapper with an introspector that does not see
 * {@code using = RecordDecoder.class}) for every property set to every kind of JSON value, absent, and
 * under the features that change what a missing or null property means, set on the mapper or changed
 * per reader after the decoder built its component tables.
 */
final class RecordDecoderEquivalenceTest {
  private static final List<String> VALUES = List.of(
      "null", "\"text\"", "\"\"", "\"12\"", "\"light\"", "12", "-1", "1.5", "1700000000000", "true", "false",
      "{}", "{\"a\":\"x\"}", "{\"a\":null,\"z\":1}", "{\"k\":{\"a\":\"y\"}}", "[]", "[\"x\"]", "[12]", "[null]",
      "[{\"name\":\"c\"}]");

  private static final List<DeserializationFeature> FEATURES = List.of(
      DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
      DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
      DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
      DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
      DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
      DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
      DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
      DeserializationFeature.WRAP_EXCEPTIONS);

  private static final List<Class<?>> TYPES = List.of(
      RecordShapes.Every.class, RecordShapes.Inner.class, RecordShapes.Closed.class, RecordShapes.Tree.class,
      RecordShapes.Checked.class);

  private static final List<String> NAMES = List.of(
      "id", "flag", "count", "total", "boxed", "big", "yes", "amount", "at", "note", "expiresAt", "tags", "times",
      "byName", "data", "shade", "inner", "a", "n", "name", "children", "unknown", "ID", "Inner");

  private static JsonMapper.Builder lenient(DeserializationFeature f) {
    return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .configure(f, !f.enabledByDefault());
  }

  private static JsonMapper.Builder lenient(MapperFeature f) {
    return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .configure(f, !f.enabledByDefault());
  }

  static ObjectMapper oldPath(JsonMapper.Builder builder) {
    return builder.annotationIntrospector(new DeserializerBlindIntrospector(RecordDecoder.class)).build();
  }

  /** Each property alone, each value, each record; then a few whole objects and non-objects. */
  private static List<String> documents() {
    List<String> docs = new ArrayList<>();
    docs.add("{}");
    for (String name : NAMES) {
      for (String value : VALUES) {
        docs.add("{\"" + name + "\":" + value + "}");
        docs.add("{\"id\":\"u1\",\"" + name + "\":" + value + ",\"x\":" + value + "}");
      }
    }
    docs.add("{\"id\":\"u1\",\"flag\":true,\"count\":3,\"total\":4,\"boxed\":5,\"big\":6,\"yes\":false,\"amount\":1.25,"
        + "\"at\":1700000000000,\"note\":\"n\",\"expiresAt\":1700000000001,\"tags\":[\"a\",null],\"times\":[1,2],"
        + "\"byName\":{\"k\":{\"a\":\"v\",\"q\":1}},\"data\":{\"x\":[1]},\"shade\":\"dark\","
        + "\"inner\":{\"a\":null,\"b\":2},\"later\":[1],\"earlier\":null}");
    docs.add("{\"name\":\"root\",\"children\":[{\"name\":\"a\",\"children\":[{\"name\":\"b\"}]},{\"children\":null}]}");
    docs.add("{\"flag\":true,\"flag\":false,\"id\":\"a\",\"id\":\"b\"}");
    VALUES.stream().filter(v -> !v.startsWith("{")).forEach(docs::add);
    docs.add("[{\"id\":\"u1\"}]");
    return docs;
  }

  /** Two readers to compare: the decoder's and Jackson's record path, configured alike. */
  private record Pair(String label, ObjectReader now, ObjectReader before) {}

  @Test
  void decodesLikeJacksonsRecordPathUnderEveryFeatureThatMatters() throws Exception {
    List<Pair> pairs = new ArrayList<>();
    pairs.add(new Pair("defaults", JsonMapper.builder().build().reader(), oldPath(JsonMapper.builder()).reader()));
    for (DeserializationFeature f : FEATURES) {
      // the feature set on the mapper: the component tables are built under it (a builder builds one
      // mapper, so each side gets its own)
      pairs.add(new Pair("mapper " + f, lenient(f).build().reader(), oldPath(lenient(f)).reader()));
    }
    pairs.add(new Pair("mapper ACCEPT_CASE_INSENSITIVE_PROPERTIES",
        lenient(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES).build().reader(),
        oldPath(lenient(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)).reader()));
    // the feature changed per reader after the tables were built under the defaults
    ObjectMapper primed = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    ObjectMapper primedJackson = oldPath(JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    for (Class<?> type : TYPES) {
      Outcome.of(primed.reader(), "{\"name\":\"n\"}", type);
    }
    for (DeserializationFeature f : FEATURES) {
      pairs.add(new Pair("reader " + f,
          f.enabledByDefault() ? primed.reader().without(f) : primed.reader().with(f),
          f.enabledByDefault() ? primedJackson.reader().without(f) : primedJackson.reader().with(f)));
    }
    List<String> differences = new ArrayList<>();
    int compared = 0;
    int decodedAlike = 0;
    for (Pair pair : pairs) {
      for (Class<?> type : TYPES) {
        for (String doc : documents()) {
          Outcome now = Outcome.of(pair.now(), doc, type);
          Outcome before = Outcome.of(pair.before(), doc, type);
          compared++;
          if (before.failure() == null && now.failure() == null) {
            decodedAlike++;
          }
          if (!now.sameAs(before)) {
            differences.add(pair.label() + ", " + type.getSimpleName() + " " + doc + ": decoder " + now
                + " | Jackson " + before);
          }
        }
      }
    }
    assertThat(differences.subList(0, Math.min(differences.size(), 30)))
        .as("%d differences out of %d", differences.size(), compared).isEmpty();
    // the grid is not all errors (a single property of the wrong type fails, and so do unknown ones
    // for the mapper that rejects them)
    assertThat(decodedAlike).as("decoded by both out of %d", compared).isGreaterThan(compared / 3);
  }

  @Test
  void theTwoPathsAreReallyDifferent() {
    // Jackson's record path quotes a text given for an object; the decoder names the type and token only
    String doc = "{\"id\":\"u1\",\"inner\":\"body-text\"}";
    Outcome now = Outcome.of(JsonMapper.builder().build().reader(), doc, RecordShapes.Every.class);
    assertThat(now.message()).contains("Every[\"inner\"]").doesNotContain("body-text");
    Outcome before = Outcome.of(oldPath(JsonMapper.builder()).reader(), doc, RecordShapes.Every.class);
    assertThat(before.message()).contains("body-text");
  }

  /** A decoded value, or the failure's type and path. */
  record Outcome(Object value, String failure, String message) {
    static Outcome of(ObjectReader reader, String json, Class<?> type) {
      try {
        return new Outcome(reader.forType(type).readValue(json), null, null);
      } catch (JsonMappingException e) {
        String path = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
            .collect(Collectors.joining("."));
        return new Outcome(null, e.getClass().getSimpleName() + " at " + path, e.getMessage());
      } catch (Exception e) {
        return new Outcome(null, e.getClass().getSimpleName(), e.getMessage());
      }
    }

    boolean sameAs(Outcome other) {
      return failure == null ? other.failure == null && Objects.equals(value, other.value) : failure.equals(other.failure);
    }
  }
}

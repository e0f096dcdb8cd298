package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.logto.management.core.RecordShapes.Closed;
import io.logto.management.core.RecordShapes.Every;
import io.logto.management.core.RecordShapes.Inner;
import io.logto.management.core.RecordShapes.Shade;
import io.logto.management.core.RecordShapes.Tree;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.internal.codec.RecordDecoder;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What {@link RecordDecoder} gives each kind of component, and how it fails. */
final class RecordDecoderTest {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  @Test
  void absentPropertiesGetTheirAbsentValues() throws Exception {
    Every every = MAPPER.readValue("{\"id\":\"u1\"}", Every.class);

    assertThat(every.id()).isEqualTo("u1");
    assertThat(every.flag()).isFalse();
    assertThat(every.count()).isZero();
    assertThat(every.total()).isZero();
    assertThat(every.note().isAbsent()).isTrue();
    assertThat(every.expiresAt().isAbsent()).isTrue();
    assertThat(List.of(every.boxed() == null, every.big() == null, every.yes() == null, every.amount() == null,
        every.at() == null, every.tags() == null, every.times() == null, every.byName() == null,
        every.data() == null, every.shade() == null, every.inner() == null)).containsOnly(true);
    assertThat(every.additionalProperties()).isEmpty();
  }

  @Test
  void explicitNullsGetTheirNullValues() throws Exception {
    Every every = MAPPER.readValue(
        "{\"id\":null,\"flag\":null,\"count\":null,\"boxed\":null,\"at\":null,\"note\":null,\"expiresAt\":null,"
            + "\"tags\":null,\"byName\":null,\"data\":null,\"shade\":null,\"inner\":null}",
        Every.class);

    assertThat(every.id()).isNull();
    assertThat(every.flag()).isFalse();
    assertThat(every.count()).isZero();
    assertThat(every.boxed()).isNull();
    assertThat(every.at()).isNull();
    assertThat(every.note().isNull()).isTrue();
    assertThat(every.expiresAt().isNull()).isTrue();
    assertThat(every.tags()).isNull();
    assertThat(every.byName()).isNull();
    assertThat(every.data()).isEqualTo(NullNode.getInstance()); // Jackson's null for a tree
    assertThat(every.shade()).isNull();
    assertThat(every.inner()).isNull();
  }

  @Test
  void valuesDecodeWithEachComponentsOwnDeserializer() throws Exception {
    Every every = MAPPER.readValue(
        "{\"id\":\"u1\",\"flag\":true,\"count\":3,\"total\":4000000000,\"boxed\":5,\"big\":6,\"yes\":true,"
            + "\"amount\":1.25,\"at\":1700000000000,\"note\":\"n\",\"expiresAt\":1700000000001,"
            + "\"tags\":[\"a\",null],\"times\":[1700000000],\"byName\":{\"k\":{\"a\":\"v\"}},\"data\":{\"x\":[1]},"
            + "\"shade\":\"dim\",\"inner\":{\"a\":\"b\"}}",
        Every.class);

    assertThat(every.flag()).isTrue();
    assertThat(every.count()).isEqualTo(3);
    assertThat(every.total()).isEqualTo(4_000_000_000L);
    assertThat(every.amount()).isEqualByComparingTo(new BigDecimal("1.25"));
    assertThat(every.at()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(every.note()).isEqualTo(JsonField.of("n"));
    assertThat(every.expiresAt()).isEqualTo(JsonField.of(Instant.ofEpochMilli(1_700_000_000_001L)));
    assertThat(every.tags()).containsExactly("a", null);
    assertThat(every.times()).containsExactly(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(every.byName()).containsExactly(Map.entry("k", new Inner("v", Map.of())));
    assertThat(every.data().get("x").get(0).asInt()).isEqualTo(1);
    assertThat(every.shade().value()).isEqualTo("dim");
    assertThat(every.shade().known()).isEqualTo(Shade.Known.UNKNOWN);
    assertThat(every.inner()).isEqualTo(new Inner("b", Map.of()));
  }

  @Test
  void unknownPropertiesAreKeptInArrivalOrder() throws Exception {
    Every every = MAPPER.readValue(
        "{\"zeta\":1,\"id\":\"u1\",\"alpha\":\"a\",\"mid\":null,\"inner\":{\"a\":\"x\",\"extra\":2}}", Every.class);

    assertThat(every.additionalProperties().keySet()).containsExactly("zeta", "alpha", "mid");
    assertThat(every.additionalProperties())
        .containsEntry("zeta", IntNode.valueOf(1))
        .containsEntry("alpha", TextNode.valueOf("a"))
        .containsEntry("mid", NullNode.getInstance());
    assertThat(every.inner().additionalProperties()).containsExactly(Map.entry("extra", IntNode.valueOf(2)));
  }

  @Test
  void aWrongTokenNamesThePropertyAndTheTypeNotTheValue() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"id\":\"u1\",\"flag\":[\"secret-1\"]}", Every.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("`boolean`")
        .hasMessageContaining("Every[\"flag\"]")
        .hasMessageNotContaining("secret-1");
    assertThatThrownBy(() -> MAPPER.readValue("{\"inner\":\"secret-2\"}", Every.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Every[\"inner\"]")
        .hasMessageNotContaining("secret-2");
    assertThatThrownBy(() -> MAPPER.readValue("{\"byName\":{\"k\":{\"a\":{\"deep\":\"secret-3\"}}}}", Every.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Every[\"byName\"]->java.util.LinkedHashMap[\"k\"]->")
        .hasMessageContaining("Inner[\"a\"]")
        .hasMessageNotContaining("secret-3");
    assertThatThrownBy(() -> MAPPER.readValue("\"secret-4\"", Every.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("RecordShapes$Every")
        .hasMessageNotContaining("secret-4");
  }

  @Test
  void aRecordWithoutCatchAllLeavesUnknownPropertiesToTheMapper() throws Exception {
    assertThat(MAPPER.readValue("{\"x\":{\"deep\":[1]},\"a\":\"v\"}", Closed.class)).isEqualTo(new Closed("v", 0));

    ObjectMapper strict = new ObjectMapper();
    assertThatThrownBy(() -> strict.readValue("{\"a\":\"v\",\"x\":1}", Closed.class))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("\"x\"")
        .hasMessageContaining("2 known properties: \"a\", \"n\"");
  }

  @Test
  void aConstructorThatRejectsItsArgumentsFailsAsJacksonWouldSay() {
    assertThatThrownBy(() -> MAPPER.readValue("{}", RecordShapes.Checked.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("Cannot construct instance of")
        .hasMessageContaining("problem: name == null");
  }

  @Test
  void recordsNestInThemselvesAndDecodeFromTrees() throws Exception {
    String json = "{\"name\":\"root\",\"children\":[{\"name\":\"a\",\"children\":[{\"name\":\"b\"}]}]}";
    Tree tree = MAPPER.readValue(json, Tree.class);

    assertThat(tree).isEqualTo(new Tree("root", List.of(new Tree("a", List.of(new Tree("b", null))))));
    JsonNode node = MAPPER.readTree(json);
    assertThat(MAPPER.treeToValue(node, Tree.class)).isEqualTo(tree);
  }

  @Test
  void threadsDecodingTheFirstObjectsOfAFreshMapperAtOnceAllGetTheSameRecords() throws Exception {
    String json = "{\"id\":\"u1\",\"byName\":{\"k\":{\"a\":\"v\",\"x\":1}},\"inner\":{\"a\":\"b\"},\"note\":null}";
    Every expected = MAPPER.readValue(json, Every.class);
    ObjectMapper fresh = JsonMapper.builder().build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Every>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return fresh.readValue(json, Every.class);
        }));
      }
      start.countDown();
      for (Future<Every> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theClientDecodesAnAnswerThroughIt() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/things", Reply.json(200,
          "[{\"id\":\"t1\",\"note\":null,\"extra\":[1]},{\"id\":\"t2\",\"expiresAt\":1700000000000}]"));
      LogtoClient client = LogtoClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(() -> "t"))
          .build();

      List<Every> things = client.call(ApiRequest.get("/api/things").build(), new TypeReference<List<Every>>() {},
          RequestOptions.defaults());

      assertThat(things).extracting(Every::id).containsExactly("t1", "t2");
      assertThat(things.get(0).note().isNull()).isTrue();
      assertThat(things.get(0).additionalProperties()).containsOnlyKeys("extra");
      assertThat(things.get(1).note().isAbsent()).isTrue();
      assertThat(things.get(1).expiresAt().value()).hasValue(Instant.ofEpochMilli(1_700_000_000_000L));
    }
  }
}

package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Fault;
import io.logto.management.testsupport.TestServer.Reply;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The response size limit: declared lengths are refused before reading, chunked bodies while counting. */
final class ResponseLimitTest {
  private static final long ONE_MIB = 1024 * 1024;
  private static final ApiRequest GET_BIG = ApiRequest.get("/api/big").build();
  private static final String TWO_MIB_JSON = "[\"" + "x".repeat(2 * 1024 * 1024) + "\"]";

  @Test
  void declaredLengthOverTheLimitFailsWithoutRetryingSyncAndAsync() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/big", Reply.json(200, TWO_MIB_JSON));
      LogtoClient client = Fixtures.client(server).maxResponseBytes(ONE_MIB).build();

      assertThatThrownBy(() -> client.call(GET_BIG, JsonNode.class))
          .isInstanceOfSatisfying(LogtoResponseTooLargeException.class,
              e -> assertThat(e.limit()).isEqualTo(ONE_MIB))
          .hasMessageContaining("GET /api/big -> 200").hasMessageContaining("limit of 1048576 bytes");
      assertThatThrownBy(() -> client.callAsync(GET_BIG, JsonNode.class, RequestOptions.defaults()).join())
          .isInstanceOf(CompletionException.class).hasCauseInstanceOf(LogtoResponseTooLargeException.class);
      assertThat(server.count("/api/big")).isEqualTo(2);
      assertThat(client.maxResponseBytes()).isEqualTo(ONE_MIB);
    }
  }

  @Test
  void chunkedBodyIsCountedAsItArrives() {
    try (TestServer server = TestServer.start(Fault.CHUNKED_2_MIB)) {
      LogtoClient client = LogtoClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(() -> "t"))
          .maxResponseBytes(ONE_MIB).build();

      assertThatThrownBy(() -> client.call(GET_BIG, JsonNode.class))
          .isInstanceOf(LogtoResponseTooLargeException.class).hasMessageContaining("GET /api/big -> 200");
      assertThatThrownBy(() -> client.callAsync(GET_BIG, JsonNode.class, RequestOptions.defaults()).join())
          .hasCauseInstanceOf(LogtoResponseTooLargeException.class);
      LogtoClient noTimeout = client.newBuilder().noRequestTimeout().build();
      assertThatThrownBy(() -> noTimeout.callAsync(GET_BIG, JsonNode.class, RequestOptions.defaults()).join())
          .hasCauseInstanceOf(LogtoResponseTooLargeException.class);
      assertThat(server.requests()).hasSize(3);
    }
  }

  @Test
  void bodiesWithinTheLimitAreRead() {
    try (TestServer server = TestServer.start();
        TestServer chunked = TestServer.start(Fault.CHUNKED_2_MIB)) {
      server.tokens().replies("/api/big", Reply.json(200, TWO_MIB_JSON));
      LogtoClient client = Fixtures.client(server).build();
      LogtoClient chunkedClient = LogtoClient.builder().baseUrl(chunked.baseUrl())
          .tokenProvider(TokenProvider.of(() -> "t")).maxResponseBytes(3 * ONE_MIB).build();

      assertThat(client.call(GET_BIG, byte[].class)).hasSize(TWO_MIB_JSON.length());
      assertThat(chunkedClient.call(GET_BIG, byte[].class)).hasSize(2 * 1024 * 1024);
      assertThat(LogtoClient.builder().baseUrl("http://127.0.0.1:1").tokenProvider(TokenProvider.of(() -> "t"))
          .build().maxResponseBytes()).isEqualTo(LogtoClient.DEFAULT_MAX_RESPONSE_BYTES);
    }
  }

  @Test
  void tokenAnswerOverTheLimitIsATokenError() {
    try (TestServer server = TestServer.start()) {
      server.replies("/oidc/token", Reply.json(200, TWO_MIB_JSON));
      LogtoClient client = Fixtures.client(server).maxResponseBytes(ONE_MIB).build();

      assertThatThrownBy(() -> client.call(GET_BIG, JsonNode.class)).isInstanceOf(LogtoTokenException.class)
          .hasCauseInstanceOf(LogtoResponseTooLargeException.class);
      assertThat(server.count("/api/big")).isZero();
    }
  }

  @Test
  void limitMustBePositive() {
    assertThatThrownBy(() -> LogtoClient.builder().maxResponseBytes(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxResponseBytes must be positive: 0");
  }
}

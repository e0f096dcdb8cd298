package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ResponseTypesTest {
  record Role(String id, String name) {}

  private static LogtoClient client(TestServer server) {
    return LogtoClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(() -> "t")).build();
  }

  @Test
  void decodesTextBytesTreesRecordsAndGenericTypes() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/xml", Reply.text(200, "text/xml; charset=utf-8", "<EntityDescriptor>é</EntityDescriptor>"));
      server.replies("/api/roles", Reply.json(200, "[{\"id\":\"r1\",\"name\":\"admin\",\"extra\":true}]"));
      LogtoClient client = client(server);
      ApiRequest roles = ApiRequest.get("/api/roles").build();

      assertThat(client.call(ApiRequest.get("/api/xml").accept("text/xml").build(), String.class))
          .isEqualTo("<EntityDescriptor>é</EntityDescriptor>");
      assertThat(client.call(ApiRequest.get("/api/xml").build(), byte[].class))
          .isEqualTo("<EntityDescriptor>é</EntityDescriptor>".getBytes(StandardCharsets.UTF_8));
      assertThat(client.call(roles, JsonNode.class).get(0).get("name").asText()).isEqualTo("admin");
      assertThat(client.call(roles, new TypeReference<List<Role>>() {}, RequestOptions.defaults()))
          .containsExactly(new Role("r1", "admin"));
    }
  }

  @Test
  void voidCallsIgnoreTheBody() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users/u1", Reply.status(204));
      server.replies("/api/users/u2", Reply.json(200, "not json at all"));
      LogtoClient client = client(server);

      client.call(ApiRequest.delete("/api/users/u1").build(), RequestOptions.defaults());
      client.call(ApiRequest.delete("/api/users/u2").build(), RequestOptions.defaults());
      assertThat(client.call(ApiRequest.delete("/api/users/u1").build(), Void.class)).isNull();

      assertThat(server.requests()).extracting(TestServer.Recorded::method).containsOnly("DELETE");
    }
  }

  @Test
  void exchangeGivesStatusHeadersAndBody() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/resources", Reply.json(201, "{\"id\":\"r1\",\"name\":\"n\"}")
          .header("Logto-Core-Request-Id", "req-9"));
      LogtoClient client = client(server);

      ApiResponse<Role> response = client.exchange(ApiRequest.post("/api/resources").body(new Role(null, "n")).build(),
          Role.class, RequestOptions.defaults());

      assertThat(response.status()).isEqualTo(201);
      assertThat(response.requestId()).hasValue("req-9");
      assertThat(response.body()).isEqualTo(new Role("r1", "n"));
      assertThat(server.requests().get(0).bodyText()).isEqualTo("{\"id\":null,\"name\":\"n\"}");
    }
  }

  @Test
  void asyncCallsDecodeLikeSyncOnes() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/roles", Reply.json(200, "[{\"id\":\"r1\",\"name\":\"admin\"}]"));
      LogtoClient client = client(server);
      ApiRequest roles = ApiRequest.get("/api/roles").build();

      assertThat(client.callAsync(roles, new TypeReference<List<Role>>() {}, RequestOptions.defaults()).join())
          .containsExactly(new Role("r1", "admin"));
      assertThat(client.exchangeAsync(roles, JsonNode.class, RequestOptions.defaults()).join().status())
          .isEqualTo(200);
    }
  }
}

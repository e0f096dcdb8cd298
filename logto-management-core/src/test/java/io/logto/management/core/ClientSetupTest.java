package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class ClientSetupTest {
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/{id}").pathParam("id", "u1").build();

  @Test
  void cloudClientDerivesBaseUrlAndApiIndicatorFromTenant() {
    LogtoClient client = LogtoClient.builder().tenantId("my-tenant").clientId("id").clientSecret("secret").build();

    assertThat(client.baseUrl()).isEqualTo(URI.create("https://my-tenant.logto.app"));
    assertThat(client.clientCredentials()).isPresent();
  }

  @Test
  void tenantClientRequestsTokenForTheTenantsApiIndicator() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{\"id\":\"u1\"}"));
      LogtoClient client = LogtoClient.builder().tenantId("my-tenant").baseUrl(server.baseUrl())
          .clientId(Fixtures.CLIENT_ID).clientSecret(Fixtures.SECRET).build();

      client.call(GET_USER, JsonNode.class);

      assertThat(form(server.requests("/oidc/token").get(0).bodyText()))
          .containsEntry("resource", "https://my-tenant.logto.app/api");
    }
  }

  @Test
  void selfHostedClientIgnoresTrailingSlashesAndUsesGivenIndicator() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{\"id\":\"u1\"}"));
      LogtoClient client = LogtoClient.builder().baseUrl(server.baseUrl() + "//")
          .apiIndicator("https://default.logto.app/api/").clientId(Fixtures.CLIENT_ID)
          .clientSecret(Fixtures.SECRET).build();

      JsonNode user = client.call(GET_USER, JsonNode.class);

      assertThat(user.get("id").asText()).isEqualTo("u1");
      assertThat(client.baseUrl().toString()).isEqualTo(server.baseUrl());
      assertThat(server.requests().get(0).path()).isEqualTo("/oidc/token");
      assertThat(form(server.requests("/oidc/token").get(0).bodyText()))
          .containsEntry("resource", "https://default.logto.app/api");
      assertThat(server.requests("/api/users/u1").get(0).header("Authorization")).hasValue("Bearer token-1");
    }
  }

  @Test
  void selfHostedWithoutIndicatorUsesTheDefaultTenantIndicator() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      Fixtures.client(server).build().call(GET_USER, JsonNode.class);

      assertThat(form(server.requests("/oidc/token").get(0).bodyText()))
          .containsEntry("resource", "https://default.logto.app/api");
    }
  }

  @Test
  void syncTokenProviderIsAskedBeforeEachCall() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users/u1", Reply.json(200, "{}"));
      AtomicInteger asked = new AtomicInteger();
      LogtoClient client = LogtoClient.builder().baseUrl(server.baseUrl())
          .tokenProvider(TokenProvider.of(() -> "custom-" + asked.incrementAndGet())).build();

      client.call(GET_USER, JsonNode.class);
      client.call(GET_USER, JsonNode.class);

      assertThat(server.requests("/api/users/u1")).extracting(r -> r.header("Authorization").orElseThrow())
          .containsExactly("Bearer custom-1", "Bearer custom-2");
      assertThat(server.count("/oidc/token")).isZero();
      assertThat(client.clientCredentials()).isEmpty();
    }
  }

  @Test
  void asyncTokenProviderCompletesLater() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users/u1", Reply.json(200, "{\"id\":\"u1\"}"));
      CompletableFuture<String> token = new CompletableFuture<>();
      LogtoClient client = LogtoClient.builder().baseUrl(server.baseUrl())
          .tokenProvider(TokenProvider.ofAsync(() -> token)).build();

      CompletableFuture<JsonNode> call = client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults());
      assertThat(call).isNotDone();
      token.complete("later");

      assertThat(call.join().get("id").asText()).isEqualTo("u1");
      assertThat(server.requests("/api/users/u1").get(0).header("Authorization")).hasValue("Bearer later");
    }
  }

  @Test
  void newBuilderVariantsShareTheTokenCache() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      LogtoClient first = Fixtures.client(server).build();
      LogtoClient second = first.newBuilder().retryPolicy(RetryPolicy.none()).build();

      first.call(GET_USER, JsonNode.class);
      second.call(GET_USER, JsonNode.class);

      assertThat(server.count("/oidc/token")).isEqualTo(1);
      assertThat(second.clientCredentials()).containsSame(first.clientCredentials().orElseThrow());
      assertThat(second.retryPolicy()).isEqualTo(RetryPolicy.none());
    }
  }

  @Test
  void newBuilderVariantsShareTheConnectionPool() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      LogtoClient first = Fixtures.client(server).build();
      LogtoClient variant = first.newBuilder().requestTimeout(Duration.ofSeconds(30)).build();
      LogtoClient separate = Fixtures.client(server).build();

      first.call(GET_USER, JsonNode.class);
      variant.call(GET_USER, JsonNode.class);
      separate.call(GET_USER, JsonNode.class);

      // sequential calls over one pooled keep-alive connection come from the same client port
      List<Integer> ports = server.requests("/api/users/u1").stream().map(TestServer.Recorded::clientPort).toList();
      assertThat(ports.get(1)).isEqualTo(ports.get(0));
      assertThat(ports.get(2)).isNotEqualTo(ports.get(0));
    }
  }

  @Test
  void newBuilderWithOtherCredentialsGetsItsOwnCache() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      LogtoClient first = Fixtures.client(server).build();
      LogtoClient second = first.newBuilder().clientId("other-app").build();

      first.call(GET_USER, JsonNode.class);
      second.call(GET_USER, JsonNode.class);

      assertThat(server.count("/oidc/token")).isEqualTo(2);
      assertThat(form(server.requests("/oidc/token").get(1).bodyText())).containsEntry("client_id", "other-app");
    }
  }

  @Test
  void clientCredentialsExposeAndInvalidateTheToken() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      LogtoClient client = Fixtures.client(server).build();
      ClientCredentials credentials = client.clientCredentials().orElseThrow();
      assertThat(credentials.cachedToken()).isEmpty();

      client.call(GET_USER, JsonNode.class);
      assertThat(credentials.cachedToken().orElseThrow().value()).isEqualTo("token-1");
      credentials.invalidate();
      client.call(GET_USER, JsonNode.class);

      assertThat(credentials.accessToken().value()).isEqualTo("token-2");
      assertThat(server.requests("/api/users/u1").get(1).header("Authorization")).hasValue("Bearer token-2");
      assertThat(credentials.accessToken().toString()).doesNotContain("token-2");
    }
  }

  @Test
  void wellKnownPathsAreSentWithoutAuthorization() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/.well-known/endpoints", Reply.json(200, "{}"));
      LogtoClient client = Fixtures.client(server).build();

      client.call(ApiRequest.get("/api/.well-known/endpoints").build(), JsonNode.class);

      assertThat(server.requests("/api/.well-known/endpoints").get(0).header("Authorization")).isEmpty();
      assertThat(server.count("/oidc/token")).isZero();
    }
  }

  @Test
  void sendsUserAgentWithVersionAndJsonAccept() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users/u1", Reply.json(200, "{}"));
      Fixtures.client(server).build().call(GET_USER, JsonNode.class);

      TestServer.Recorded request = server.requests("/api/users/u1").get(0);
      assertThat(request.header("User-Agent").orElseThrow()).matches("logto-java/\\d+\\.\\d+\\.\\d+.*");
      assertThat(request.header("Accept")).hasValue("application/json");
      assertThat(server.requests("/oidc/token").get(0).header("User-Agent")).isEqualTo(request.header("User-Agent"));
    }
  }

  @Test
  void usesTheConfiguredObjectMapper() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/things", Reply.json(200, "{\"name\":\"a\",\"extra\":1}"));
      record Thing(String name) {}
      ApiRequest request = ApiRequest.get("/api/things").build();

      Thing lenient = Fixtures.client(server).build().call(request, Thing.class);
      LogtoClient strict = Fixtures.client(server)
          .objectMapper(new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();

      assertThat(lenient.name()).isEqualTo("a");
      assertThatThrownBy(() -> strict.call(request, Thing.class)).isInstanceOf(LogtoResponseException.class)
          .hasMessageContaining("extra");
    }
  }

  @Test
  void toStringNeverShowsTheSecret() {
    LogtoClient client = LogtoClient.builder().tenantId("t1").clientId("id").clientSecret(Fixtures.SECRET).build();

    assertThat(client.toString()).doesNotContain(Fixtures.SECRET);
    assertThat(client.clientCredentials().orElseThrow().toString()).doesNotContain(Fixtures.SECRET);
  }

  @Test
  void aRejectedBaseUrlIsNamedWithoutItsUserInfo() {
    assertThatThrownBy(() -> LogtoClient.builder().baseUrl("ftp://admin:hunter2@auth.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http(s) URL")
        .hasMessageContaining("auth.example.com")
        .hasMessageNotContaining("hunter2");
  }

  static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=", 2);
      fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
    }
    return fields;
  }
}

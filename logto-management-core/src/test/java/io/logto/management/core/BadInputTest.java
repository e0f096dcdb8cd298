package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad input fails before any I/O, naming the option and never the secret. */
final class BadInputTest {
  @Test
  void rejectsNullOrBlankCredentialsAndTenant() {
    assertThatThrownBy(() -> LogtoClient.builder().clientId(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("clientId");
    assertThatThrownBy(() -> LogtoClient.builder().clientId(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientId");
    assertThatThrownBy(() -> LogtoClient.builder().clientSecret(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> LogtoClient.builder().clientSecret("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> LogtoClient.builder().tenantId(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("tenantId");
    assertThatThrownBy(() -> LogtoClient.builder().tenantId("\t")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenantId");
    assertThatThrownBy(() -> LogtoClient.builder().tenantId("a/b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenantId");
  }

  @Test
  void rejectsBaseUrlsThatAreNotAbsoluteHttp() {
    for (String url : new String[] {"ftp://host", "localhost:3001", "/relative", "http://", "mailto:a@b.c", "not a url"}) {
      assertThatThrownBy(() -> LogtoClient.builder().baseUrl(url)).as(url)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    }
  }

  @Test
  void requiresATokenSourceAndABaseUrl() {
    assertThatThrownBy(() -> LogtoClient.builder().clientId("a").clientSecret("b").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenantId").hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> LogtoClient.builder().tenantId("t").clientId("a").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientSecret");
    assertThatThrownBy(() -> LogtoClient.builder().tenantId("t").clientSecret(Fixtures.SECRET).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId")
        .hasMessageNotContaining(Fixtures.SECRET);
    assertThatThrownBy(() -> LogtoClient.builder().tenantId("t").clientId("a").clientSecret("b")
        .tokenProvider(TokenProvider.of(() -> "x")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenProvider");
  }

  @Test
  void rejectsBadPaginationAndRetryValues() {
    assertThatThrownBy(() -> Pagination.of(0, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startPage");
    assertThatThrownBy(() -> Pagination.of(1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize");
    assertThatThrownBy(() -> Pagination.of(1, 101)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pageSize");
    assertThatThrownBy(() -> RetryPolicy.defaults().withMaxRetries(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff");
    assertThatThrownBy(() -> LogtoClient.builder().tokenTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenTimeout");
  }

  @Test
  void rejectsMissingBlankOrUnknownPathParameters() {
    assertThatThrownBy(() -> ApiRequest.get("/api/users/{userId}").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userId");
    assertThatThrownBy(() -> ApiRequest.get("/api/users/{userId}").pathParam("userId", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userId");
    assertThatThrownBy(() -> ApiRequest.get("/api/users/{userId}").pathParam("userId", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userId");
    assertThatThrownBy(() -> ApiRequest.get("/api/users").pathParam("userId", "x").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userId");
    assertThatThrownBy(() -> ApiRequest.get("api/users")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pathTemplate");
    assertThatThrownBy(() -> ApiRequest.get("/api/users/{userId")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pathTemplate");
  }

  @Test
  void badPaginationNeverReachesTheServer() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users", Reply.json(200, "[]"));
      LogtoClient client = Fixtures.client(server).build();

      assertThatThrownBy(() -> client.paginate(ApiRequest.get("/api/users").build(), JsonNode.class,
          Pagination.of(1, 500), RequestOptions.defaults())).isInstanceOf(IllegalArgumentException.class);

      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void badHeadersAndMethodsFailBeforeAnyRequestNamingTheHeader() {
    try (TestServer server = TestServer.start()) {
      server.tokens().replies("/api/users", Reply.json(200, "[]"));
      LogtoClient client = Fixtures.client(server).build();

      // the JDK client restricts Host; a line break would split the header
      assertThatThrownBy(() -> client.call(ApiRequest.get("/api/users").build(), JsonNode.class,
          RequestOptions.builder().header("Host", "elsewhere.example").build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Host");
      assertThatThrownBy(() -> client.call(ApiRequest.get("/api/users").header("X-Trace", "a\r\nInjected: yes").build(),
          JsonNode.class, RequestOptions.defaults()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.call(ApiRequest.of("CONNECT", "/api/users").build(), JsonNode.class,
          RequestOptions.defaults()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CONNECT");

      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void aTokenThatCannotBeAHeaderFailsBeforeSendingWithoutShowingIt() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users", Reply.json(200, "[]"));
      String token = "token-canary\r\nX-Injected: yes";
      LogtoClient client = LogtoClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(() -> token))
          .build();

      assertThatThrownBy(() -> client.call(ApiRequest.get("/api/users").build(), JsonNode.class))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("access token")
          .hasMessageNotContaining("canary").hasMessageNotContaining("Injected");
      assertThatThrownBy(() -> client.callAsync(ApiRequest.get("/api/users").build(), JsonNode.class,
          RequestOptions.defaults()).join()).hasCauseInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("canary");

      // an interceptor that changes the request: the token is added to a plain JDK request
      LogtoClient intercepted = client.newBuilder().addInterceptor(chain -> chain.proceed(
          HttpRequest.newBuilder(chain.request(), (name, value) -> true).header("X-Trace", "t1").build())).build();
      assertThatThrownBy(() -> intercepted.call(ApiRequest.get("/api/users").build(), JsonNode.class))
          .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("canary");

      assertThat(server.requests()).isEmpty();
    }
  }
}

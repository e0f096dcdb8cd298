package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

/** Redirects on API calls are never followed and raise their own exception. */
final class RedirectTest {
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/u1").build();

  @Test
  void redirectIsATypedErrorAndIsNeverFollowedEvenByAFollowingHttpClient() {
    try (TestServer server = TestServer.start(); TestServer elsewhere = TestServer.start()) {
      elsewhere.replies("/steal", Reply.json(200, "{}"));
      String target = elsewhere.baseUrl() + "/steal?code=private@example.com";
      server.tokens().replies("/api/users/u1", Reply.status(307).header("Location", target));
      HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
      for (LogtoClient client : new LogtoClient[] {Fixtures.client(server).build(),
          Fixtures.client(server).httpClient(following).build()}) {

        assertThatThrownBy(() -> client.call(GET_USER, JsonNode.class))
            .isInstanceOfSatisfying(LogtoRedirectException.class, e -> {
              assertThat(e.status()).isEqualTo(307);
              assertThat(e.location()).hasValue(URI.create(target));
            })
            .isInstanceOf(LogtoApiException.class)
            .hasMessageContaining("GET /api/users/u1 -> 307")
            .hasMessageContaining("redirect to http://127.0.0.1 not followed")
            .hasMessageNotContaining("private@example.com").hasMessageNotContaining("steal");
      }
      assertThat(elsewhere.requests()).isEmpty();
      assertThat(server.count("/api/users/u1")).isEqualTo(2);
    }
  }

  @Test
  void tokenEndpointRedirectIsRefused() {
    try (TestServer server = TestServer.start()) {
      server.replies("/oidc/token", Reply.status(302).header("Location", "https://elsewhere.example/oidc/token"));

      assertThatThrownBy(() -> Fixtures.client(server).build().call(GET_USER, JsonNode.class))
          .isInstanceOf(LogtoTokenException.class).hasMessageContaining("302")
          .hasMessageContaining("never followed");
    }
  }
}

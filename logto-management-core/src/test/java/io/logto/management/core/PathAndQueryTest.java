package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Path parameters stay one segment; queries keep repeated and dotted keys. */
final class PathAndQueryTest {
  private static LogtoClient client(TestServer server) {
    return LogtoClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(() -> "t")).build();
  }

  private static String sentPath(String userId) {
    try (TestServer server = TestServer.start()) {
      ApiRequest request = ApiRequest.get("/api/users/{userId}/roles").pathParam("userId", userId).build();
      try {
        client(server).call(request, JsonNode.class);
      } catch (LogtoNotFoundException expected) {
        // unscripted path: only the recorded request matters
      }
      return server.requests().get(0).path();
    }
  }

  @Test
  void pathParametersNeverEscapeTheirSegment() {
    assertThat(sentPath("a/../b")).isEqualTo("/api/users/a%2F..%2Fb/roles");
    assertThat(sentPath("x?y#z")).isEqualTo("/api/users/x%3Fy%23z/roles");
    assertThat(sentPath("%2F")).isEqualTo("/api/users/%252F/roles");
    assertThat(sentPath("with space")).isEqualTo("/api/users/with%20space/roles");
    assertThat(sentPath("Zoë-日本")).isEqualTo("/api/users/Zo%C3%AB-%E6%97%A5%E6%9C%AC/roles");
    assertThat(sentPath("..")).isEqualTo("/api/users/%2E%2E/roles");
    assertThat(sentPath(".")).isEqualTo("/api/users/%2E/roles");
    assertThat(sentPath("plain-id_1.~")).isEqualTo("/api/users/plain-id_1.~/roles");
  }

  @Test
  void queryKeepsRepeatedAndDottedKeysEncoded() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/applications", Reply.json(200, "[]"));
      ApiRequest request = ApiRequest.get("/api/applications")
          .query("types", List.of("SPA", "Native"))
          .query("search.primaryEmail", "a+b@example.com")
          .query("mode.primaryEmail", "exact")
          .query("skipped", null)
          .query("absent", java.util.Optional.empty())
          .query("present", java.util.Optional.of("yes"))
          .query("q", "50% & more=yes")
          .query("flag", true)
          .build();

      client(server).call(request, JsonNode.class);

      assertThat(server.requests().get(0).query()).isEqualTo("types=SPA&types=Native"
          + "&search.primaryEmail=a%2Bb%40example.com&mode.primaryEmail=exact&present=yes&q=50%25%20%26%20more%3Dyes&flag=true");
    }
  }

  @Test
  void jsonFormAndMultipartBodiesAreSentWithTheirContentTypes() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/things", Reply.status(204));
      LogtoClient client = client(server);

      client.call(ApiRequest.post("/api/things").body(java.util.Map.of("a", 1)).build(), RequestOptions.defaults());
      client.call(ApiRequest.post("/api/things").formField("x", "1 2").formField("y", "é").build(),
          RequestOptions.defaults());
      client.call(ApiRequest.post("/api/things").multipartField("name", "logo")
          .multipartFile("file", "logo.png", "image/png", new byte[] {1, 2, 3}).build(), RequestOptions.defaults());

      List<TestServer.Recorded> sent = server.requests();
      assertThat(sent.get(0).header("Content-Type")).hasValue("application/json");
      assertThat(sent.get(0).bodyText()).isEqualTo("{\"a\":1}");
      assertThat(sent.get(1).header("Content-Type")).hasValue("application/x-www-form-urlencoded");
      assertThat(sent.get(1).bodyText()).isEqualTo("x=1%202&y=%C3%A9");
      String multipartType = sent.get(2).header("Content-Type").orElseThrow();
      assertThat(multipartType).startsWith("multipart/form-data; boundary=");
      String boundary = multipartType.substring(multipartType.indexOf('=') + 1);
      assertThat(sent.get(2).bodyText())
          .contains("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"")
          .contains("Content-Disposition: form-data; name=\"file\"; filename=\"logo.png\"\r\nContent-Type: image/png")
          .endsWith("--" + boundary + "--\r\n");
    }
  }

  @Test
  void requestAndOptionHeadersAreSent() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/things", Reply.json(200, "{}"));

      client(server).call(ApiRequest.get("/api/things").header("X-Call", "1").accept("application/xml").build(),
          String.class, RequestOptions.builder().header("X-Trace", "abc").build());

      TestServer.Recorded request = server.requests().get(0);
      assertThat(request.header("X-Call")).hasValue("1");
      assertThat(request.header("X-Trace")).hasValue("abc");
      assertThat(request.header("Accept")).hasValue("application/xml");
    }
  }
}

package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error class, built from the real error answers of a Logto server. */
final class ErrorsTest {
  private static final String TOKEN = "access-token-never-shown";

  private static LogtoClient client(TestServer server) {
    return LogtoClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(() -> TOKEN))
        .retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void everyRecordedApiErrorMapsToItsTypeWithAllFields() {
    Map<Class<?>, Integer> seen = new HashMap<>();
    for (Path file : Fixtures.recordings()) {
      JsonNode recording = Fixtures.recording(file.getFileName().toString());
      JsonNode request = recording.get("request");
      JsonNode response = recording.get("response");
      int status = response.get("status").asInt();
      String path = request.get("path").asText();
      if (status < 400 || !path.startsWith("/api/") || path.contains("{")) {
        continue;
      }
      try (TestServer server = TestServer.start()) {
        server.replies(path, Fixtures.reply(recording));
        ApiRequest call = ApiRequest.of(request.get("method").asText(), path).build();

        LogtoApiException error = catchThrowableOfType(LogtoApiException.class,
            () -> client(server).call(call, JsonNode.class));

        assertThat(error).as(file.getFileName().toString()).isNotNull();
        assertThat(error.getClass()).as(file.getFileName().toString()).isEqualTo(expectedType(status));
        seen.merge(error.getClass(), 1, Integer::sum);
        JsonNode body = response.get("body");
        assertThat(error.status()).isEqualTo(status);
        assertThat(error.code()).isEqualTo(text(body, "code"));
        assertThat(error.serverMessage()).isEqualTo(text(body, "message"));
        assertThat(error.details()).isEqualTo(text(body, "details"));
        assertThat(error.data().orElse(null)).isEqualTo(body.get("data"));
        assertThat(error.requestId()).isEqualTo(header(response, "Logto-Core-Request-Id"));
        assertThat(error.requestId()).isPresent();
        assertThat(error.headers().firstValue("Content-Type")).isPresent();
        assertThat(error.method()).isEqualTo(request.get("method").asText());
        assertThat(error.path()).isEqualTo(path);
        assertThat(error.getMessage()).contains(String.valueOf(status)).contains(path)
            .contains(error.requestId().orElseThrow()).doesNotContain(TOKEN);
        text(body, "code").ifPresent(code -> assertThat(error.getMessage()).contains(code));
      }
    }
    assertThat(seen).containsKeys(LogtoBadRequestException.class, LogtoUnauthorizedException.class,
        LogtoForbiddenException.class, LogtoNotFoundException.class, LogtoConflictException.class,
        LogtoServerException.class);
  }

  @Test
  void rateLimitAndUnavailableUseTheirTypes() {
    JsonNode recording = Fixtures.recording("023-get-user-not-found.json");
    for (int status : new int[] {429, 503, 409}) {
      try (TestServer server = TestServer.start()) {
        Reply real = Fixtures.reply(recording);
        server.replies("/api/users/x", new Reply(status, real.headers(), real.body(), false));

        assertThatThrownBy(() -> client(server).call(ApiRequest.get("/api/users/x").build(), JsonNode.class))
            .isInstanceOf(expectedType(status))
            .isInstanceOfSatisfying(LogtoApiException.class,
                e -> assertThat(e.code()).hasValue("entity.not_found"));
      }
    }
  }

  @Test
  void malformedJsonErrorBodyKeepsItsMessage() {
    JsonNode recording = Fixtures.recording("021-create-user-malformed-json.json");
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users", Fixtures.reply(recording));

      LogtoBadRequestException error = catchThrowableOfType(LogtoBadRequestException.class,
          () -> client(server).call(ApiRequest.post("/api/users").body(Map.of()).build(), JsonNode.class));

      assertThat(error.code()).isEmpty();
      assertThat(error.serverMessage()).hasValue("Unexpected end of JSON input");
    }
  }

  @Test
  void nonJsonErrorBodyIsKeptButOnlyDescribed() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users", Reply.text(502, "text/html", "<html><h1>Bad Gateway</h1></html>"));

      LogtoServerException error = catchThrowableOfType(LogtoServerException.class,
          () -> client(server).call(ApiRequest.get("/api/users").build(), JsonNode.class));

      assertThat(error.code()).isEmpty();
      assertThat(new String(error.error().body(), StandardCharsets.UTF_8)).isEqualTo("<html><h1>Bad Gateway</h1></html>");
      assertThat(error.getMessage()).contains("502").contains("text/html, 33 bytes").doesNotContain("Bad Gateway");
    }
  }

  @Test
  void malformedOrEmptySuccessBodiesAreClearErrors() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/bad", Reply.json(200, "{\"id\": \"u1\", oops"));
      server.replies("/api/empty", Reply.status(200));
      server.replies("/api/html", Reply.text(200, "text/html", "<html>login</html>"));
      LogtoClient client = client(server);

      assertThatThrownBy(() -> client.call(ApiRequest.get("/api/bad").build(), JsonNode.class))
          .isInstanceOfSatisfying(LogtoResponseException.class, e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": \"u1\", oops");
            assertThat(e).hasMessageNotContaining("oops");
          }).hasMessageContaining("GET /api/bad -> 200");
      assertThatThrownBy(() -> client.call(ApiRequest.get("/api/empty").build(), Map.class))
          .isInstanceOf(LogtoResponseException.class).hasMessageContaining("empty body");
      assertThatThrownBy(() -> client.call(ApiRequest.get("/api/html").build(), Map.class))
          .isInstanceOf(LogtoResponseException.class).hasMessageContaining("text/html, 18 bytes")
          .hasMessageNotContaining("login");
    }
  }

  @Test
  void asyncCallsFailWithTheSameTypes() {
    JsonNode recording = Fixtures.recording("023-get-user-not-found.json");
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users/doesnotexist", Fixtures.reply(recording));

      assertThat(client(server).callAsync(ApiRequest.get("/api/users/doesnotexist").build(), JsonNode.class,
          RequestOptions.defaults())).failsWithin(java.time.Duration.ofSeconds(30))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(LogtoNotFoundException.class);
    }
  }

  private static Class<? extends LogtoApiException> expectedType(int status) {
    if (status >= 500) {
      return LogtoServerException.class;
    }
    return switch (status) {
      case 400 -> LogtoBadRequestException.class;
      case 401 -> LogtoUnauthorizedException.class;
      case 403 -> LogtoForbiddenException.class;
      case 404 -> LogtoNotFoundException.class;
      case 409, 422 -> LogtoConflictException.class;
      case 429 -> LogtoRateLimitException.class;
      default -> LogtoApiException.class;
    };
  }

  private static java.util.Optional<String> text(JsonNode body, String field) {
    JsonNode node = body == null ? null : body.get(field);
    return node == null || node.isNull() ? java.util.Optional.empty() : java.util.Optional.of(node.asText());
  }

  private static java.util.Optional<String> header(JsonNode response, String name) {
    for (JsonNode header : response.get("headers")) {
      if (header.get(0).asText().equalsIgnoreCase(name)) {
        return java.util.Optional.of(header.get(1).asText());
      }
    }
    return java.util.Optional.empty();
  }
}

package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What Koa's router answers when no route takes a request, and the plain-text bodies of Koa's status answers. */
final class RoutingTest {
  @AutoClose
  private final LogtoEmulator logto = LogtoEmulator.start();
  private final Http http = new Http(logto);

  @Test
  void unknownRouteAnswers404AsText() {
    Http.Answer answer = http.get("/no-such-route");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(answer.body().asText()).isEqualTo("Not Found");
    assertThat(answer.header("Logto-Core-Request-Id")).isNotBlank();
  }

  @Test
  void unknownRouteAnswers404EvenWithoutAToken() {
    Http.Answer answer = http.callWith(null, "GET", "/no-such-route", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().asText()).isEqualTo("Not Found");
  }

  @Test
  void knownPathWithTheWrongMethodAnswers405WithAllow() {
    Http.Answer answer = http.call("PUT", "/users", "{}");

    assertThat(answer.status()).isEqualTo(405);
    // Koa's router lists them in route registration order, which the OpenAPI document follows
    assertThat(answer.header("Allow")).isEqualTo("POST, HEAD, GET");
    assertThat(answer.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(answer.body().asText()).isEqualTo("Method Not Allowed");
  }

  @Test
  void allowListsEveryMethodOfThePath() {
    Http.Answer answer = http.call("POST", "/users/u1", "{}");

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.header("Allow").split(", ")).containsExactlyInAnyOrder("HEAD", "GET", "PATCH", "DELETE");
  }

  @Test
  void optionsAnswers200WithAllow() {
    Http.Answer answer = http.call("OPTIONS", "/roles", null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Allow").split(", ")).containsExactlyInAnyOrder("HEAD", "GET", "POST");
  }

  @Test
  void headRunsTheGetRouteWithoutABody() {
    Http.Answer answer = Http.send(HttpRequest.newBuilder(URI.create(logto.baseUrl() + "/api/users"))
        .header("Authorization", "Bearer " + http.token())
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Total-Number")).isEqualTo("0");
    assertThat(answer.body()).isNull();
  }

  @Test
  void bodylessCreatedAnswersWithTheStatusTextLikeKoa() {
    String roleId = http.post("/roles", "{\"name\":\"reader\",\"description\":\"reads\"}").body().get("id").asText();
    String userId = http.post("/users", "{\"username\":\"alice\"}").body().get("id").asText();

    Http.Answer answer = http.post("/roles/" + roleId + "/users", "{\"userIds\":[\"" + userId + "\"]}");

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(answer.body().asText()).isEqualTo("Created");
  }
}

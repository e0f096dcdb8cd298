package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Fault;
import io.logto.management.testsupport.TestServer.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Drives every error path, token and API, with answers that hold a canary client secret, access token
 * and e-mail address (JSON, HTML, truncated, malformed, wrong shape, redirects, oversized, a page that is
 * not an array, walked one page at a time, ahead, in parallel and as a publisher), and
 * searches every exception message and {@code toString()} in the cause chain, the error record, every
 * attempt event and every captured log line (TRACE and up) for them.
 */
final class SecretCanaryTest {
  private static final String TOKEN = Fault.TOKEN_IN_ANSWER;
  private static final String EMAIL = "jane.canary@example.com";
  private static final List<String> CANARIES = List.of(Fixtures.SECRET, TOKEN, EMAIL);
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/{id}").pathParam("id", "u1")
      .query("search", EMAIL).build();
  private static final Fault[] NETWORK_FAULTS =
      {Fault.TRUNCATED_BODY, Fault.RESET_MID_BODY, Fault.CLOSE_MID_HEADERS, Fault.NOT_HTTP};
  private static final ApiRequest LIST_USERS = ApiRequest.get("/api/users").query("search", EMAIL).build();

  /** A user shape whose {@code age} cannot hold text. */
  record Person(String id, int age) {}

  private static Reply tokenOk() {
    return Reply.json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600,\"scope\":\"all\"}");
  }

  private static final Map<String, Reply> TOKEN_ANSWERS = Map.of(
      "truncated 200", Reply.json(200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600,\"token_type\":\"Bea"),
      "200 without expires_in", Reply.json(200, "{\"access_token\":\"" + TOKEN + "\"}"),
      "200 html", Reply.text(200, "text/html", "<html>" + Fixtures.SECRET + " " + EMAIL + "</html>"),
      "400 echoing the secret", Reply.json(400, "{\"code\":\"oidc.invalid_client\",\"message\":\"bad secret "
          + Fixtures.SECRET + "\",\"error_description\":\"" + Fixtures.SECRET + "\",\"data\":{\"email\":\""
          + EMAIL + "\"}}"),
      "500 text echoing the form", Reply.text(500, "text/plain", "client_secret=" + Fixtures.SECRET),
      "302 redirect", Reply.status(302).header("Location", "https://elsewhere.example/?t=" + TOKEN));

  private static final Map<String, Reply> API_ANSWERS = Map.of(
      "malformed 200", Reply.json(200, "{\"email\":\"" + EMAIL + "\",\"token\":" + TOKEN),
      "truncated 200", Reply.json(200, "{\"email\":\"" + EMAIL + "\",\"tok"),
      "empty 200", Reply.status(200),
      "400 Logto error with data", Reply.json(400, "{\"code\":\"user.email_already_in_use\",\"message\":\"This email"
          + " is associated with an existing account.\",\"data\":{\"email\":\"" + EMAIL + "\"},\"details\":\""
          + EMAIL + " " + TOKEN + "\"}"),
      "502 html", Reply.text(502, "text/html", "<html>" + EMAIL + " " + TOKEN + "</html>"),
      "404 text", Reply.text(404, "text/plain", EMAIL),
      "307 redirect", Reply.status(307).header("Location", "https://elsewhere.example/u?email=" + EMAIL));

  @Test
  void tokenErrorPathsNeverShowTheCanaries() {
    TOKEN_ANSWERS.forEach((name, answer) -> {
      try (TestServer server = TestServer.start()) {
        server.replies("/oidc/token", answer);
        assertClean(name, server, client -> client.call(GET_USER, JsonNode.class));
      }
    });
  }

  @Test
  void apiErrorPathsNeverShowTheCanaries() {
    API_ANSWERS.forEach((name, answer) -> {
      try (TestServer server = TestServer.start()) {
        server.replies("/oidc/token", tokenOk()).replies("/api/users/u1", answer);
        assertClean(name, server, client -> client.call(GET_USER, JsonNode.class));
        assertClean(name + " (async)", server,
            client -> client.callAsync(GET_USER, JsonNode.class, RequestOptions.defaults()).join());
      }
    });
    try (TestServer server = TestServer.start()) {
      server.replies("/oidc/token", tokenOk()).replies("/api/users/u1",
          Reply.json(200, "{\"id\":\"" + EMAIL + "\",\"age\":\"" + TOKEN + "\"}"));
      assertClean("wrong shape", server, client -> client.call(GET_USER, Person.class));
      assertClean("over the size limit", server,
          client -> client.newBuilder().maxResponseBytes(8).build().call(GET_USER, JsonNode.class));
    }
  }

  @Test
  void pagesThatAreNotArraysNeverShowTheCanaries() {
    Reply notAnArray = Reply.json(200, "{\"email\":\"" + EMAIL + "\",\"token\":\"" + TOKEN + "\",\"secret\":\""
        + Fixtures.SECRET + "\"}");
    Map<String, Function<Paginated<JsonNode>, Object>> walks = Map.of(
        "sequential", paginated -> paginated.stream().toList(),
        "prefetch", paginated -> paginated.prefetch(3).stream().toList(),
        "parallel", paginated -> paginated.parallel(3).stream().toList(),
        "publisher", paginated -> subscribe(paginated.publisher()).join());
    walks.forEach((name, walk) -> {
      try (TestServer server = TestServer.start()) {
        server.replies("/oidc/token", tokenOk()).replies("/api/users", notAnArray);
        List<Throwable> thrown = new ArrayList<>();
        assertClean("page not an array, " + name, server, client -> {
          try {
            walk.apply(client.paginate(LIST_USERS, JsonNode.class, Pagination.of(1, 2), RequestOptions.defaults()));
          } catch (RuntimeException e) {
            thrown.add(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            throw e;
          }
        });
        assertThat(thrown).as(name).singleElement().isInstanceOf(LogtoResponseException.class);
        assertThat(new String(((LogtoResponseException) thrown.get(0)).body(), StandardCharsets.UTF_8))
            .as(name + ": the whole body stays available").contains(EMAIL, TOKEN, Fixtures.SECRET);
      }
    });
  }

  // collects a publisher's items; its failure completes the future exceptionally
  private static CompletableFuture<List<JsonNode>> subscribe(Flow.Publisher<JsonNode> publisher) {
    CompletableFuture<List<JsonNode>> done = new CompletableFuture<>();
    publisher.subscribe(new Flow.Subscriber<JsonNode>() {
      private final List<JsonNode> items = new ArrayList<>();

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(JsonNode item) {
        items.add(item);
      }

      @Override
      public void onError(Throwable failure) {
        done.completeExceptionally(failure);
      }

      @Override
      public void onComplete() {
        done.complete(items);
      }
    });
    return done;
  }

  @Test
  void networkFailuresNeverShowTheCanaries() {
    for (Fault fault : NETWORK_FAULTS) {
      try (TestServer server = TestServer.start(fault)) {
        assertFailsClean(fault.name(), server, LogtoTransportException.class,
            builder -> builder.tokenProvider(TokenProvider.of(() -> TOKEN)));
      }
    }
  }

  @Test
  void networkFailuresOfTheTokenRequestNeverShowTheCanaries() {
    for (Fault fault : NETWORK_FAULTS) {
      try (TestServer server = TestServer.start(fault)) {
        assertFailsClean(fault.name() + " (token request)", server, LogtoTokenException.class,
            builder -> builder.clientId(Fixtures.CLIENT_ID).clientSecret(Fixtures.SECRET));
        assertThat(server.requests()).as(fault.name()).isNotEmpty()
            .allSatisfy(received -> assertThat(received.path()).isEqualTo("/oidc/token"));
      }
    }
  }

  private static void assertFailsClean(String name, TestServer server, Class<? extends LogtoException> expected,
      UnaryOperator<LogtoClient.Builder> auth) {
    List<String> seen = new ArrayList<>();
    LogtoClient client = auth.apply(Fixtures.builder(new Fixtures.RecordingSleeper()).baseUrl(server.baseUrl())
        .addListener(event -> seen.add(event.toString()))).build();
    CapturedLogs.clear();

    Throwable thrown = catchThrowable(() -> client.call(GET_USER, JsonNode.class));

    assertThat(thrown).as(name).isInstanceOf(expected);
    seen.addAll(describe(thrown));
    seen.add(CapturedLogs.all());
    assertNoCanary(name, seen);
  }

  private static void assertClean(String name, TestServer server, Consumer<LogtoClient> call) {
    List<String> seen = new CopyOnWriteArrayList<>();
    LogtoClient client = Fixtures.client(server).addListener(new CallListener() {
      @Override
      public void onAttemptStart(AttemptStart start) {
        seen.add(start.toString());
      }

      @Override
      public void onAttempt(AttemptEvent event) {
        seen.add(event.toString());
      }
    }).build();
    CapturedLogs.clear();

    Throwable thrown = catchThrowable(() -> call.accept(client));

    assertThat(thrown instanceof CompletionException ? thrown.getCause() : thrown).as(name)
        .isInstanceOf(LogtoException.class);
    seen.addAll(describe(thrown));
    seen.add(client.toString());
    seen.add(CapturedLogs.all());
    assertThat(CapturedLogs.events()).as(name + ": logs captured").isNotEmpty();
    assertNoCanary(name, seen);
  }

  // everything a log line or a report would print of a failure: each message and toString in the chain
  private static List<String> describe(Throwable thrown) {
    List<String> out = new ArrayList<>();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      out.add(String.valueOf(t.getMessage()));
      out.add(t.toString());
      for (Throwable suppressed : t.getSuppressed()) {
        out.add(suppressed.toString());
      }
      if (t instanceof LogtoApiException api) {
        out.add(api.error().toString());
      }
    }
    return out;
  }

  private static void assertNoCanary(String name, List<String> seen) {
    for (String text : seen) {
      for (String canary : CANARIES) {
        assertThat(text).as(name).doesNotContain(canary);
      }
    }
  }
}

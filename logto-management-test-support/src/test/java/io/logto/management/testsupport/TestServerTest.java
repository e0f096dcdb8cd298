package io.logto.management.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.management.testsupport.TestServer.Fault;
import io.logto.management.testsupport.TestServer.Recorded;
import io.logto.management.testsupport.TestServer.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The shared server, spoken to by the JDK's HTTP client over loopback. */
final class TestServerTest {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder to(TestServer server, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery));
  }

  @Test
  void recordsWhatArrivedAndAnswersAsScripted() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users", Reply.json(201, "{\"id\":\"u1\"}").header("Location", "/api/users/u1"),
          Reply.status(204));

      HttpResponse<String> created = send(to(server, "/api/users?search=a%20b&page=2").header("X-Trace", "t1")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ann\"}")));
      HttpResponse<String> again = send(to(server, "/api/users").DELETE());
      HttpResponse<String> last = send(to(server, "/api/users").DELETE());

      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.body()).isEqualTo("{\"id\":\"u1\"}");
      assertThat(created.headers().firstValue("location")).contains("/api/users/u1");
      assertThat(created.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
      assertThat(again.statusCode()).isEqualTo(204);
      assertThat(last.statusCode()).as("the last reply repeats").isEqualTo(204);
      Recorded post = server.requests().get(0);
      assertThat(post.method()).isEqualTo("POST");
      assertThat(post.path()).isEqualTo("/api/users");
      assertThat(post.query()).isEqualTo("search=a%20b&page=2");
      assertThat(post.header("x-trace")).contains("t1");
      assertThat(post.bodyText()).isEqualTo("{\"name\":\"Ann\"}");
      assertThat(server.requests().get(1).query()).isNull();
      assertThat(server.count("/api/users")).isEqualTo(3);
      assertThat(server.requests("/api/roles")).isEmpty();
    }
  }

  @Test
  void unscriptedPathsTakeQueuedRepliesOnceThenTheFallbackElse404() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.enqueue(Reply.text(200, "text/xml", "<a/>")).enqueue(Reply.status(202));

      assertThat(send(to(server, "/one")).body()).isEqualTo("<a/>");
      assertThat(send(to(server, "/two")).statusCode()).isEqualTo(202);
      HttpResponse<String> unscripted = send(to(server, "/three"));
      assertThat(unscripted.statusCode()).isEqualTo(404);
      assertThat(unscripted.body()).contains("test.unscripted");

      server.enqueue(Reply.status(500));
      assertThat(server.takeRequests()).extracting(Recorded::path).containsExactly("/one", "/two", "/three");
      assertThat(server.requests()).isEmpty();
      server.otherwise(request -> Reply.text(200, "text/plain", "any " + request.path()));
      assertThat(send(to(server, "/four")).body()).as("taking the requests forgot the queued 500").isEqualTo("any /four");
    }
  }

  @Test
  void keepsAConnectionAliveBetweenExchangesAndReadsChunkedBodies() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.replies("/echo", Reply.status(200));
      byte[] body = "chunk ".repeat(10_000).getBytes(StandardCharsets.UTF_8);

      send(to(server, "/echo"));
      // an input stream has no length: the client sends the body in chunks
      send(to(server, "/echo").POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

      assertThat(server.requests().get(1).header("Transfer-Encoding")).contains("chunked");
      assertThat(server.requests().get(1).body()).isEqualTo(body);
      assertThat(server.requests()).extracting(Recorded::clientPort).containsOnly(server.requests().get(0).clientPort());
    }
  }

  @Test
  void faultsBreakTheExchangeInOrderAndTheLastRepeats() throws Exception {
    try (TestServer server = TestServer.start(Fault.RESET_BEFORE_ANSWER, Fault.TRUNCATED_BODY, Fault.OK)) {
      // POST: the JDK client retries a GET on its own when the connection breaks before the answer
      HttpRequest.BodyPublisher none = HttpRequest.BodyPublishers.noBody();
      assertThatThrownBy(() -> send(to(server, "/a").POST(none))).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> send(to(server, "/b").POST(none))).isInstanceOf(IOException.class);
      assertThat(send(to(server, "/c").POST(none)).body()).isEqualTo(Fault.OK_BODY);
      assertThat(send(to(server, "/d").POST(none)).body()).isEqualTo(Fault.OK_BODY);

      assertThat(server.requests()).extracting(Recorded::path).containsExactly("/a", "/b", "/c", "/d");
    }
  }

  @Test
  void aScriptedPathCanFailOneExchangeByteByByte() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.replies("/x", Reply.fault(Fault.NOT_HTTP), Reply.json(200, "{}"));

      assertThatThrownBy(() -> send(to(server, "/x").POST(HttpRequest.BodyPublishers.noBody())))
          .isInstanceOf(IOException.class);
      assertThat(send(to(server, "/x")).body()).isEqualTo("{}");
      assertThat(server.count("/x")).isEqualTo(2);
    }
  }

  @Test
  void closingReleasesAnswersThatHang() throws Exception {
    CompletableFuture<HttpResponse<String>> never;
    CompletableFuture<HttpResponse<String>> stalled;
    try (TestServer server = TestServer.start()) {
      server.replies("/never", Reply.never()).replies("/stalled", Reply.stallBody(200));
      never = http.sendAsync(to(server, "/never").build(), HttpResponse.BodyHandlers.ofString());
      stalled = http.sendAsync(to(server, "/stalled").build(), HttpResponse.BodyHandlers.ofString());
      while (server.requests().size() < 2) {
        Thread.onSpinWait();
      }
      assertThat(never).isNotDone();
    }
    assertThatThrownBy(never::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IOException.class);
    assertThatThrownBy(stalled::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void aFailingScriptAnswers500() throws Exception {
    try (TestServer server = TestServer.start()) {
      server.on("/boom", request -> {
        throw new IllegalStateException("script bug");
      });

      assertThat(send(to(server, "/boom")).statusCode()).isEqualTo(500);
    }
  }
}

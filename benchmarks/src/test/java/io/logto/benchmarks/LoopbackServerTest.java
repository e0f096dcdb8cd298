package io.logto.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's fixture server answers like Logto; nothing here is timed. */
final class LoopbackServerTest {
  private static LoopbackServer server;
  private static String base;

  @BeforeAll
  static void startServer() throws IOException {
    server = LoopbackServer.start(Duration.ZERO);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void rawCallerDecodesAFullPageAfterOneTokenRequest() throws Exception {
    int tokensBefore = server.tokenRequests();
    try (RawCaller raw = new RawCaller(base, false)) {
      List<BenchUser> users = raw.listUsers(100);
      raw.listUsers(100);

      assertThat(server.tokenRequests()).isEqualTo(tokensBefore + 1);
      assertThat(users).hasSize(100).doesNotHaveDuplicates();
      assertThat(users).extracting(BenchUser::id).doesNotContainNull().doesNotHaveDuplicates();
      // the generated page mixes sparse and full users, like a real tenant
      assertThat(users).anyMatch(u -> u.primaryEmail() == null && u.name() == null);
      assertThat(users).anyMatch(u -> !u.identities().isEmpty() && !u.customData().isEmpty());
      assertThat(users).anyMatch(BenchUser::isSuspended);
      assertThat(users).isEqualTo(UserPage.users(100));
    }
  }

  @Test
  void usersPageCarriesLogtoPaginationHeaders() throws Exception {
    HttpResponse<String> response = get("/api/users?page=2&page_size=100", "Bearer " + LoopbackServer.ACCESS_TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Total-Number")).contains("1000");
    assertThat(response.headers().allValues("Link"))
        .contains("<http://localhost:" + server.port() + "/users?page_size=100&page=3>; rel=\"next\"")
        .contains("<http://localhost:" + server.port() + "/users?page_size=100&page=1>; rel=\"prev\"");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
  }

  @Test
  void lastPageHasNoNextLinkAndPagesBeyondAreEmpty() throws Exception {
    String token = "Bearer " + LoopbackServer.ACCESS_TOKEN;
    HttpResponse<String> last = get("/api/users?page=10&page_size=100", token);
    HttpResponse<String> beyond = get("/api/users?page=11&page_size=100", token);

    assertThat(last.headers().allValues("Link")).noneMatch(link -> link.contains("rel=\"next\""));
    assertThat(beyond.body()).isEqualTo("[]");
  }

  @Test
  void usersWithoutTheIssuedTokenAreRejected() throws Exception {
    assertThat(get("/api/users", "Bearer something-else").statusCode()).isEqualTo(401);
    assertThat(get("/api/users", null).statusCode()).isEqualTo(401);
  }

  @Test
  void pageSizeOutsideTheRangeIsRejectedByTheGenerator() {
    assertThatThrownBy(() -> UserPage.users(101)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("101");
  }

  @Test
  void serverProcessAnnouncesItsPort() throws IOException {
    int port = LoopbackServer.readPort(new java.io.ByteArrayInputStream("PORT 4312\n".getBytes()));
    assertThat(port).isEqualTo(4312);
    assertThatThrownBy(() -> LoopbackServer.readPort(new java.io.ByteArrayInputStream(new byte[0])))
        .isInstanceOf(IOException.class);
  }

  private static HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PaginationTest {
  private static final ApiRequest LIST_USERS = ApiRequest.get("/api/users").build();

  private static LogtoClient client(TestServer server) {
    return LogtoClient.builder().baseUrl(server.baseUrl()).tokenProvider(TokenProvider.of(() -> "t")).build();
  }

  private static Map<String, String> query(TestServer.Recorded request) {
    return ClientSetupTest.form(request.query() == null ? "" : request.query());
  }

  /** Serves the four recorded pages of two users each, chosen by the page query parameter. */
  private static TestServer recordedPages(TestServer server) {
    List<JsonNode> pages = List.of(Fixtures.recording("024-list-users-page-1-size-2.json"),
        Fixtures.recording("025-list-users-page-2-size-2.json"), Fixtures.recording("026-list-users-page-3-size-2.json"),
        Fixtures.recording("027-list-users-page-4-size-2.json"));
    return server.on("/api/users", request -> {
      int page = Integer.parseInt(query(request).get("page"));
      return page <= pages.size() ? Fixtures.reply(pages.get(page - 1)) : Reply.json(200, "[]");
    });
  }

  @Test
  void walksTheRecordedPagesByAskingForTheNextPageItself() {
    try (TestServer server = recordedPages(TestServer.start())) {
      List<JsonNode> users = client(server).paginate(LIST_USERS, JsonNode.class, Pagination.of(1, 2),
          RequestOptions.defaults()).stream().toList();

      assertThat(users).hasSize(8).extracting(user -> user.get("id").asText()).doesNotHaveDuplicates();
      assertThat(server.requests()).extracting(TestServer.Recorded::path).containsOnly("/api/users");
      assertThat(server.requests()).extracting(PaginationTest::query).containsExactly(
          Map.of("page", "1", "page_size", "2"), Map.of("page", "2", "page_size", "2"),
          Map.of("page", "3", "page_size", "2"), Map.of("page", "4", "page_size", "2"));
    }
  }

  @Test
  void pageViewShowsTotalsAndWhetherMoreFollow() {
    try (TestServer server = recordedPages(TestServer.start())) {
      List<Page<JsonNode>> pages = new ArrayList<>();
      client(server).paginate(LIST_USERS, JsonNode.class, Pagination.of(1, 2), RequestOptions.defaults())
          .pages().forEach(pages::add);

      assertThat(pages).extracting(Page::page).containsExactly(1, 2, 3, 4);
      assertThat(pages).extracting(Page::hasNext).containsExactly(true, true, true, false);
      assertThat(pages).allSatisfy(page -> {
        assertThat(page.totalNumber()).hasValue(8);
        assertThat(page.totalCapped()).isFalse();
        assertThat(page.pageSize()).isEqualTo(2);
        assertThat(page.items()).hasSize(2);
      });
    }
  }

  @Test
  void resumesFromAGivenPage() {
    try (TestServer server = recordedPages(TestServer.start())) {
      List<JsonNode> users = client(server).paginate(LIST_USERS, JsonNode.class, Pagination.of(3, 2),
          RequestOptions.defaults()).stream().toList();

      assertThat(users).hasSize(4);
      assertThat(server.requests()).extracting(request -> query(request).get("page")).containsExactly("3", "4");
    }
  }

  @Test
  void cappedTotalContinuesWithoutNextLinkUntilAnEmptyPage() {
    try (TestServer server = TestServer.start()) {
      server.on("/api/logs", request -> {
        int page = Integer.parseInt(query(request).get("page"));
        String body = page <= 3 ? "[{\"n\":" + (page * 2 - 1) + "},{\"n\":" + page * 2 + "}]" : "[]";
        return Reply.json(200, body).header("Total-Number", "4").header("Total-Number-Is-Capped", "true");
      });

      Paginated<JsonNode> logs = client(server).paginate(ApiRequest.get("/api/logs").build(), JsonNode.class,
          Pagination.of(1, 2), RequestOptions.defaults());
      List<Page<JsonNode>> pages = new ArrayList<>();
      logs.pages().forEach(pages::add);

      assertThat(logs.stream().map(node -> node.get("n").asInt()).toList()).containsExactly(1, 2, 3, 4, 5, 6);
      assertThat(pages).extracting(Page::totalCapped).containsOnly(true);
      assertThat(pages).extracting(page -> page.items().size()).containsExactly(2, 2, 2, 0);
      assertThat(pages.get(3).hasNext()).isFalse();
    }
  }

  @Test
  void stopsAtAnEmptyPageEvenWithANextLink() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/roles", Reply.json(200, "[]").header("Link", "<http://x/roles?page=2>; rel=\"next\""));

      assertThat(client(server).paginate(ApiRequest.get("/api/roles").build(), JsonNode.class)).isEmpty();
      assertThat(server.count("/api/roles")).isEqualTo(1);
    }
  }

  @Test
  void withoutNextLinkOrCapOnePageIsAll() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/hooks", Reply.json(200, "[{\"id\":\"h1\"},{\"id\":\"h2\"}]"));

      assertThat(client(server).paginate(ApiRequest.get("/api/hooks").build(), JsonNode.class)).hasSize(2);
      assertThat(server.count("/api/hooks")).isEqualTo(1);
      assertThat(query(server.requests().get(0))).containsEntry("page_size", "100").containsEntry("page", "1");
    }
  }

  @Test
  void fetchesLazilyOnePageAtATime() {
    try (TestServer server = recordedPages(TestServer.start())) {
      Paginated<JsonNode> users = client(server).paginate(LIST_USERS, JsonNode.class, Pagination.of(1, 2),
          RequestOptions.defaults());
      assertThat(server.requests()).isEmpty();

      Iterator<JsonNode> iterator = users.iterator();
      iterator.next();
      iterator.next();
      assertThat(server.requests()).hasSize(1);
      iterator.next();
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void keepsOtherQueryParametersAndReplacesPageOnes() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users", Reply.json(200, "[]"));
      ApiRequest search = ApiRequest.get("/api/users").query("search.primaryEmail", "a@b.c").query("page", 7).build();

      client(server).paginate(search, JsonNode.class).stream().count();

      assertThat(server.requests().get(0).query()).isEqualTo("search.primaryEmail=a%40b.c&page=1&page_size=100");
    }
  }

  @Test
  void nonArrayPageIsAnError() {
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users", Reply.json(200, "{\"items\":[]}"));

      assertThatThrownBy(() -> client(server).paginate(LIST_USERS, JsonNode.class).iterator().hasNext())
          .isInstanceOfSatisfying(LogtoResponseException.class, e -> assertThat(e.status()).isEqualTo(200))
          .hasMessageContaining("JSON array");
    }
  }

  @Test
  void failingPageRaisesTheApiError() {
    JsonNode recording = Fixtures.recording("028-list-users-page-size-101-rejected.json");
    try (TestServer server = TestServer.start()) {
      server.replies("/api/users", Fixtures.reply(recording));

      assertThatThrownBy(() -> client(server).paginate(LIST_USERS, JsonNode.class).stream().toList())
          .isInstanceOfSatisfying(LogtoBadRequestException.class,
              e -> assertThat(e.code()).hasValue("guard.invalid_pagination"));
    }
  }

  @Test
  void decodesItemsIntoRecords() {
    record User(String id, String username) {}
    try (TestServer server = recordedPages(TestServer.start())) {
      List<User> users = client(server).paginate(LIST_USERS, User.class, Pagination.of(1, 2),
          RequestOptions.defaults()).stream().toList();

      assertThat(users).hasSize(8).allSatisfy(user -> assertThat(user.id()).isNotBlank());
    }
  }
}

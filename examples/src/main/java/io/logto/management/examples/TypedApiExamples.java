package io.logto.management.examples;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.LogtoManagement;
import io.logto.management.core.ApiRequest;
import io.logto.management.core.ApiResponse;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.RequestOptions;
import io.logto.management.model.Application;
import io.logto.management.model.UpdateSignInExpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code of docs/typed-api.md beside the tour; {@code GuideExamplesTest} runs it against the emulator. */
final class TypedApiExamples {
  private static final Logger log = LoggerFactory.getLogger(TypedApiExamples.class);

  /** A caller's own record of the fields it reads from a user. */
  record MyUser(String id, String username) {}

  /** The parts of a path-level exchange, for the test to check. */
  record Exchanged(JsonNode organizations, int status, String totalNumber, List<MyUser> users) {}

  private final LogtoManagement logto;
  private final AtomicReference<String> rotated = new AtomicReference<>();

  TypedApiExamples(LogtoManagement logto) {
    this.logto = logto;
  }

  CompletableFuture<Void> getAsync(String id) {
    // snippet: typed-api-async
    CompletableFuture<Void> logged = logto.async().users().get(id)
        .thenAccept(user -> log.info("{} signed in at {}", user.id(), user.lastSignInAt()))
        .exceptionally(failure -> { log.warn("lookup failed", failure); return null; });  // a LogtoException inside
    // end snippet
    return logged;
  }

  void onType(Application app) {
    // snippet: typed-api-open-enum
    switch (app.type().known()) {
      case MACHINE_TO_MACHINE -> rotateSecret(app);
      case UNKNOWN -> log.warn("application type {} is newer than this SDK", app.type().value());
      default -> { }
    }
    // end snippet
  }

  private void rotateSecret(Application app) {
    rotated.set(app.id());
  }

  String rotated() {
    return rotated.get();
  }

  void copyCustomCss() {
    // snippet: typed-api-json-field
    var original = logto.signInExperience().get();
    logto.signInExperience().update(UpdateSignInExpRequest.builder()
        .customCss(original.customCss())        // null read, null sent; a value read, that value sent
        .build());
    // end snippet
  }

  static Exchanged pathLevel(LogtoClient client, String id) {
    // snippet: typed-api-path-level
    JsonNode body = client.call(
        ApiRequest.get("/api/users/{userId}/organizations").pathParam("userId", id).build(),
        JsonNode.class, RequestOptions.defaults());

    ApiResponse<List<MyUser>> page = client.exchange(
        ApiRequest.get("/api/users")
            .query("page", 1).query("page_size", 50)
            .query("search.primaryEmail", "%@example.com")     // dotted keys as Logto expects
            .query("types", List.of("SPA", "Traditional"))     // repeated keys: types=SPA&types=Traditional
            .build(),
        new TypeReference<List<MyUser>>() {}, RequestOptions.defaults());
    page.status(); page.headers(); page.body();
    // end snippet
    return new Exchanged(body, page.status(), page.headers().firstValue("Total-Number").orElse(""), page.body());
  }
}

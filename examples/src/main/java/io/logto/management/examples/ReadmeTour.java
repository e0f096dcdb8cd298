package io.logto.management.examples;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.LogtoNotFoundException;
import io.logto.management.model.CreateRoleRequest;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.ListUsersParams;
import io.logto.management.model.RoleIds;
import java.util.List;

/**
 * The README's tour: how to connect (compiled only: it needs a Logto Cloud tenant) and what to do with
 * the connection ({@code GuideExamplesTest} runs it against the emulator).
 */
final class ReadmeTour {
  private ReadmeTour() {}

  static LogtoManagement connect() {
    // snippet: readme-connect
    LogtoManagement logto = LogtoManagement.of(LogtoClient.builder()
        .tenantId("my-tenant")                                 // Logto Cloud; baseUrl(...) when self-hosted
        .clientId(System.getenv("LOGTO_CLIENT_ID"))            // a machine-to-machine application
        .clientSecret(System.getenv("LOGTO_CLIENT_SECRET"))
        .build());
    // end snippet
    return logto;
  }

  static void run(LogtoManagement logto) {
    // snippet: readme-tour
    var user = logto.users().create(CreateUserRequest.builder()
        .username("alice").primaryEmail("alice@example.com").build());
    var role = logto.roles().create(CreateRoleRequest.builder().name("editor").description("Edits things").build());
    logto.users().assignRoles(user.id(), RoleIds.builder().roleIds(List.of(role.id())).build());

    for (var each : logto.users().listAll()) {                 // lazily pages through every user
      System.out.println(each.id() + " " + each.username());
    }
    var found = logto.users().list(ListUsersParams.builder().searchParam("search", "%alice%").build());
    System.out.println("found " + found.size() + " user(s) named like alice");

    logto.users().delete(user.id());
    try {
      logto.users().get(user.id());
    } catch (LogtoNotFoundException e) {                       // every failure is a LogtoException
      System.out.println("gone: " + e.status() + " " + e.code().orElse("?"));  // gone: 404 entity.not_found
    }
    // end snippet
  }
}

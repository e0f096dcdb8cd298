package io.logto.management.examples;

import io.logto.management.LogtoManagement;
import io.logto.management.core.JsonField;
import io.logto.management.core.Page;
import io.logto.management.core.Pagination;
import io.logto.management.core.RequestOptions;
import io.logto.management.model.Application;
import io.logto.management.model.ApplicationType;
import io.logto.management.model.CreateApplicationRequest;
import io.logto.management.model.CreateOrganizationRequest;
import io.logto.management.model.CreateRoleRequest;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.ListUsersParams;
import io.logto.management.model.RoleIds;
import io.logto.management.model.UpdateUserRequest;
import io.logto.management.model.User;
import io.logto.management.model.UserIds;
import java.util.List;

/**
 * The code of the README's typed-API tour, kept here so that it compiles and runs (QuickstartTest
 * runs it against the emulator). Keep the two in step.
 */
final class TypedApiTour {
  private TypedApiTour() {}

  /** What the tour made, for the test to check. */
  record Outcome(User user, List<User> found, Application app, String appKind, long pagesOfOne, String fetchedAsync) {}

  static Outcome run(LogtoManagement logto) {
    var user = logto.users().create(CreateUserRequest.builder()
        .username("alice")
        .primaryEmail("alice@example.com")
        .password("a-Strong-passw0rd")
        .build());

    logto.users().update(user.id(), UpdateUserRequest.builder().name("Alice").build());
    logto.users().update(user.id(), UpdateUserRequest.builder().avatar(JsonField.ofNull()).build()); // sends "avatar": null

    var role = logto.roles().create(CreateRoleRequest.builder().name("editor").description("Edits things").build());
    logto.users().assignRoles(user.id(), RoleIds.builder().roleIds(List.of(role.id())).build());

    var org = logto.organizations().create(CreateOrganizationRequest.builder().name("Acme").build());
    logto.organizations().addUsers(org.id(), UserIds.builder().userIds(List.of(user.id())).build());

    var app = logto.applications().create(CreateApplicationRequest.builder()
        .name("backend").type(ApplicationType.MACHINE_TO_MACHINE).build());
    String appKind = switch (app.type().known()) {
      case MACHINE_TO_MACHINE -> "machine-to-machine";
      case UNKNOWN -> "newer than this SDK: " + app.type().value();
      default -> "interactive";
    };

    var found = logto.users().list(ListUsersParams.builder().searchParam("search", "%alice%").build());

    long pages = 0;
    for (Page<User> page : logto.users().listAll(ListUsersParams.builder().build(), Pagination.of(1, 1), RequestOptions.defaults()).pages()) {
      pages++;
    }
    String fetchedAsync = logto.async().users().get(user.id()).thenApply(User::username).join();
    User renamed = logto.users().get(user.id());
    logto.users().delete(user.id());
    return new Outcome(renamed, found, app, appKind, pages, fetchedAsync);
  }
}

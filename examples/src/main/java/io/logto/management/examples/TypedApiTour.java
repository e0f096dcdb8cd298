package io.logto.management.examples;

import io.logto.management.LogtoManagement;
import io.logto.management.core.JsonField;
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
 * The tour of docs/typed-api.md, kept here so that it compiles and runs (QuickstartTest runs it
 * against the emulator; DocSnippetsTest keeps the guide's block equal to the region).
 */
final class TypedApiTour {
  private TypedApiTour() {}

  /** What the tour made, for the test to check. */
  record Outcome(List<User> found, Application app) {}

  static Outcome run(LogtoManagement logto) {
    // snippet: typed-api-tour
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

    var found = logto.users().list(ListUsersParams.builder()
        .searchParam("search", "%alice%")                     // Logto's LIKE patterns: add the % yourself
        .build());                                            // searchParam("search.primaryEmail", ...) searches one field
    logto.users().delete(user.id());
    // end snippet
    return new Outcome(found, app);
  }
}

package io.logto.management.examples;

import io.logto.management.LogtoManagement;
import io.logto.management.core.LogtoNotFoundException;
import io.logto.management.core.Page;
import io.logto.management.core.Pagination;
import io.logto.management.core.RequestOptions;
import io.logto.management.model.RoleIds;
import io.logto.management.model.CreateOrganizationRequest;
import io.logto.management.model.CreateRoleRequest;
import io.logto.management.model.UserIds;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.ListUsersParams;
import io.logto.management.model.RoleType;
import io.logto.management.model.UpdateUserRequest;
import io.logto.management.model.User;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/**
 * A tour of the typed Management API: users, roles, organizations and pagination. Runs against the
 * Logto named by the {@code LOGTO_*} environment variables, or an embedded emulator when none is set
 * (see {@link Connection}). Everything it creates, it deletes again.
 */
public final class Quickstart {
  private final LogtoManagement logto;
  private final PrintStream out;

  Quickstart(LogtoManagement logto, PrintStream out) {
    this.logto = logto;
    this.out = out;
  }

  /**
   * Runs the tour.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (Connection connection = Connection.fromEnvironment(System.getenv(), System.out)) {
      new Quickstart(LogtoManagement.of(connection.client()), System.out).run();
    }
  }

  void run() {
    // a short random suffix keeps reruns against a real Logto from colliding
    String suffix = UUID.randomUUID().toString().substring(0, 8);

    List<User> firstUsers = logto.users().list(ListUsersParams.builder().page(1).pageSize(5).build());
    out.printf("Listed %d user(s) on the first page%n", firstUsers.size());

    User user = logto.users().create(CreateUserRequest.builder()
        .username("quickstart_" + suffix)
        .primaryEmail("quickstart+" + suffix + "@example.com")
        .name("Quickstart User")
        .build());
    out.printf("Created user %s (%s)%n", user.username(), user.id());

    User renamed = logto.users().update(user.id(), UpdateUserRequest.builder().name("Quickstart User, renamed").build());
    out.printf("Renamed the user to \"%s\"%n", renamed.name());

    var role = logto.roles().create(CreateRoleRequest.builder()
        .name("quickstart-editor-" + suffix)
        .description("Created by the logto-java quickstart")
        .type(RoleType.USER)
        .build());
    logto.users().assignRoles(user.id(), RoleIds.builder().roleIds(List.of(role.id())).build());
    out.printf("Created role %s and assigned it; the user now has %d role(s)%n",
        role.name(), logto.users().listRoles(user.id()).size());

    var organization = logto.organizations().create(CreateOrganizationRequest.builder()
        .name("Quickstart Org " + suffix)
        .build());
    logto.organizations().addUsers(organization.id(), UserIds.builder().userIds(List.of(user.id())).build());
    out.printf("Created organization %s with %d member(s)%n",
        organization.name(), logto.organizations().listUsers(organization.id()).size());

    int pages = 0;
    long users = 0;
    for (Page<User> page : logto.users().listAll(ListUsersParams.builder().build(), Pagination.of(1, 2), RequestOptions.defaults()).pages()) {
      pages++;
      users += page.items().size();
    }
    out.printf("Paged through all %d user(s), 2 per page, in %d page(s)%n", users, pages);

    logto.organizations().delete(organization.id());
    logto.roles().delete(role.id());
    logto.users().delete(user.id());
    try {
      logto.users().get(user.id());
      throw new IllegalStateException("user " + user.id() + " still exists after deletion");
    } catch (LogtoNotFoundException expected) {
      out.printf("Deleted the user, role and organization (the user now answers %d %s)%n",
          expected.status(), expected.code().orElse(""));
    }
  }
}

package io.logto.management.examples.boot;

import io.logto.management.LogtoManagement;
import io.logto.management.model.CreateRoleRequest;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.Role;
import io.logto.management.model.RoleIds;
import java.util.List;
import org.springframework.stereotype.Service;

/** Application code: it only sees the injected {@link LogtoManagement}, never where Logto runs. */
@Service
public class Onboarding {
  private final LogtoManagement logto;

  public Onboarding(LogtoManagement logto) {
    this.logto = logto;
  }

  /** Creates the user and gives it the {@code member} role (created on first use). */
  public String onboard(String username, String email) {
    String userId = logto.users().create(CreateUserRequest.builder().username(username).primaryEmail(email)
        .build()).id();
    logto.users().assignRoles(userId, RoleIds.builder().roleIds(List.of(memberRoleId())).build());
    return userId;
  }

  public List<String> roleNamesOf(String userId) {
    return logto.users().listRoles(userId).stream().map(Role::name).toList();
  }

  private String memberRoleId() {
    return logto.roles().listAll().stream().filter(role -> role.name().equals("member")).findFirst()
        .map(role -> role.id())
        .orElseGet(() -> logto.roles().create(CreateRoleRequest.builder().name("member")
            .description("Every onboarded user").build()).id());
  }
}

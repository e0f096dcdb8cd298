package io.logto.management.examples;

import io.logto.management.LogtoManagement;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.User;

/** Application code under test in docs/testing.md: it signs a user up through the typed API. */
public final class SignUpService {
  private final LogtoManagement logto;

  /**
   * Creates the service.
   *
   * @param logto the Management API it calls
   */
  public SignUpService(LogtoManagement logto) {
    this.logto = logto;
  }

  /**
   * Creates the user.
   *
   * @param username the new user's name
   * @return the user as Logto created it
   */
  public User signUp(String username) {
    return logto.users().create(CreateUserRequest.builder().username(username).build());
  }
}

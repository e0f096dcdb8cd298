package io.logto.benchmarks;

import io.logto.management.LogtoManagement;
import io.logto.management.model.ListUsersParams;
import io.logto.management.model.User;
import java.util.List;

/**
 * What users call: the generated {@code users().list(...)} on a default client, decoded into the
 * generated {@link User} (every field, unknown fields kept, absent and null told apart).
 */
final class TypedCaller implements UsersCaller {
  private final LogtoManagement management;

  TypedCaller(String baseUrl) {
    this.management = LogtoManagement.of(SdkCaller.newClient(baseUrl));
  }

  @Override
  public List<User> listUsers(int pageSize) {
    return management.users().list(ListUsersParams.builder().page(1).pageSize(pageSize).build());
  }

  @Override
  public String label() {
    return "typed";
  }
}

package io.logto.benchmarks;

import io.logto.management.LogtoManagement;
import io.logto.management.core.LogtoClient;
import io.logto.management.model.ListUsersParams;
import io.logto.management.service.UsersService;
import java.util.List;

/**
 * One first call in a fresh JVM, started by {@link ColdStartBenchmark}: builds a client, fetches a
 * token, lists one page of 100 users, prints {@code DONE <users>} and exits. The work a user's
 * program does before its first answer, nothing else.
 */
public final class FirstCall {
  private FirstCall() {}

  /**
   * Makes the first call.
   *
   * @param args {@code typed|typed-service|raw} and the server's base URL
   * @throws Exception if the call fails
   */
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String baseUrl = args[1];
    List<?> users;
    switch (mode) {
      case "typed": {
        LogtoClient client = SdkCaller.newClient(baseUrl);
        users = LogtoManagement.of(client).users().list(ListUsersParams.builder().page(1).pageSize(100).build());
        break;
      }
      case "typed-service": {
        // the same call without the facade, which builds every service up front
        LogtoClient client = SdkCaller.newClient(baseUrl);
        users = new UsersService(client).list(ListUsersParams.builder().page(1).pageSize(100).build());
        break;
      }
      case "raw":
        users = new RawCaller(baseUrl, false).listUsers(100);
        break;
      default:
        throw new IllegalArgumentException("mode must be typed, typed-service or raw: " + mode);
    }
    System.out.println("DONE " + users.size());
    System.out.flush();
    System.exit(0); // skip waiting for the HTTP client's threads
  }
}

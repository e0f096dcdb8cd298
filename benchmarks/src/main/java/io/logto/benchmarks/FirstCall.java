package io.logto.benchmarks;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.model.ListUsersParams;
import io.logto.management.service.UsersService;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * One first call in a fresh JVM, started by {@link ColdStartBenchmark}: builds a client, fetches a
 * token, lists one page of 100 users, prints {@code DONE <users>}, then (after the answer, so it is
 * not timed) {@code CPU <process ns> <main thread ns>}, and exits. The work a user's program does
 * before its first answer, nothing else.
 */
public final class FirstCall {
  private FirstCall() {}

  /**
   * Makes the first call.
   *
   * @param args {@code typed|typed-service|sdk|raw} and the server's base URL
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
      case "sdk":
        // the path-level call decoding into the lean record as the hand-written call does: the SDK's
        // machinery without the generated types
        users = SdkCaller.listUsers(SdkCaller.newClient(baseUrl), 100);
        break;
      case "raw":
        users = new RawCaller(baseUrl, false).listUsers(100);
        break;
      default:
        throw new IllegalArgumentException("mode must be typed, typed-service, sdk or raw: " + mode);
    }
    System.out.println("DONE " + users.size());
    System.out.flush();
    if (Boolean.getBoolean("bench.noCpu")) {
      System.exit(0); // counting classes: load none after the answer
    }
    // read after the answer: the process's CPU time (every thread: JIT compilers, GC, the HTTP
    // client's) and the main thread's alone
    long process = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    long main = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    System.out.println("CPU " + process + " " + main);
    System.out.flush();
    System.exit(0); // skip waiting for the HTTP client's threads
  }
}

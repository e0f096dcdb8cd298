package io.logto.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import io.logto.management.core.ApiRequest;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.RequestOptions;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK as a user configures it for a self-hosted Logto: client id and secret, every default
 * (retries, timeouts, User-Agent, logging interceptor) left on, and the path-level GET that generated
 * code also goes through.
 */
final class SdkCaller implements UsersCaller {
  private static final TypeReference<List<BenchUser>> USERS = new TypeReference<>() {};

  private final LogtoClient client;
  private final String label;

  /**
   * Creates the SDK client.
   *
   * @param baseUrl the loopback server
   * @param directExecutor a diagnostic variant: give the SDK an HTTP client whose executor runs
   *     completions on the thread that completes them, removing the JDK's hand-off to its pool
   */
  SdkCaller(String baseUrl, boolean directExecutor) {
    this.client = directExecutor
        ? newClient(baseUrl).newBuilder()
            .httpClient(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run)
                .build())
            .build()
        : newClient(baseUrl);
    this.label = directExecutor ? "sdk-direct" : "sdk";
  }

  /**
   * Builds a fresh client: its own HTTP client and an empty token cache.
   *
   * @param baseUrl the loopback server
   * @return the client
   */
  static LogtoClient newClient(String baseUrl) {
    return LogtoClient.builder()
        .baseUrl(baseUrl)
        .apiIndicator(baseUrl + "/api")
        .clientId(LoopbackServer.CLIENT_ID)
        .clientSecret(LoopbackServer.CLIENT_SECRET)
        .build();
  }

  static ApiRequest usersRequest(int pageSize) {
    return ApiRequest.get("/api/users").query("page", 1).query("page_size", pageSize).build();
  }

  @Override
  public List<BenchUser> listUsers(int pageSize) {
    return listUsers(client, pageSize);
  }

  static List<BenchUser> listUsers(LogtoClient client, int pageSize) {
    return client.call(usersRequest(pageSize), USERS, RequestOptions.defaults());
  }

  static CompletableFuture<List<BenchUser>> listUsersAsync(LogtoClient client, int pageSize) {
    return client.callAsync(usersRequest(pageSize), USERS, RequestOptions.defaults());
  }

  @Override
  public String label() {
    return label;
  }
}

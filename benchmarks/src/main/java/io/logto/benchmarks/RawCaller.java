package io.logto.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The baseline: what a careful hand-written client does with {@code java.net.http} and Jackson. One
 * token fetched up front, then per call a request built from the base URL, the body read as bytes and
 * decoded with a prepared {@link JavaType}. No retries, no interceptors, no logging.
 */
final class RawCaller implements UsersCaller {
  private final HttpClient http;
  private final ObjectMapper mapper;
  private final JavaType listType;
  private final String baseUrl;
  private final String authorization;
  private final boolean async;

  /**
   * Creates the baseline and fetches its token.
   *
   * @param baseUrl the loopback server
   * @param async whether to wait on {@code sendAsync(...).get()} instead of {@code send}: a diagnostic
   *     variant that shows what the JDK's hand-off of async completions to its executor costs
   */
  RawCaller(String baseUrl, boolean async) throws IOException, InterruptedException {
    this.baseUrl = baseUrl;
    this.async = async;
    // HTTP/1.1 as the SDK uses for cleartext URLs: both clients speak the same protocol on the wire
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    this.mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.listType = mapper.getTypeFactory().constructCollectionType(List.class, BenchUser.class);
    this.authorization = "Bearer " + fetchToken();
  }

  @Override
  public List<BenchUser> listUsers(int pageSize) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/users?page=1&page_size=" + pageSize))
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(10))
        .GET()
        .build();
    HttpResponse<byte[]> response = async
        ? join(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
        : http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("GET /api/users answered " + response.statusCode());
    }
    return mapper.readValue(response.body(), listType);
  }

  @Override
  public String label() {
    return async ? "raw-async" : "raw";
  }

  private static <T> T join(java.util.concurrent.CompletableFuture<T> future)
      throws IOException, InterruptedException {
    try {
      return future.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }

  private String fetchToken() throws IOException, InterruptedException {
    String form = "grant_type=client_credentials"
        + "&client_id=" + URLEncoder.encode(LoopbackServer.CLIENT_ID, StandardCharsets.UTF_8)
        + "&client_secret=" + URLEncoder.encode(LoopbackServer.CLIENT_SECRET, StandardCharsets.UTF_8)
        + "&resource=" + URLEncoder.encode(baseUrl + "/api", StandardCharsets.UTF_8)
        + "&scope=all";
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oidc/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("token endpoint answered " + response.statusCode());
    }
    JsonNode token = mapper.readTree(response.body());
    return token.path("access_token").asText();
  }
}

package io.logto.management.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Not a test: prints the emulator's start time and per-call latency over one keep-alive connection.
 * Run with {@code java -cp <test-classpath> io.logto.management.testkit.LatencyProbe}.
 */
public final class LatencyProbe {
  private LatencyProbe() {}

  public static void main(String[] args) throws Exception {
    long startNanos = System.nanoTime();
    try (LogtoEmulator logto = LogtoEmulator.start()) {
      System.out.printf("first start (class loading included): %.2f ms%n", (System.nanoTime() - startNanos) / 1e6);
      long[] starts = new long[21];
      for (int i = 0; i < starts.length; i++) {
        long again = System.nanoTime();
        LogtoEmulator other = LogtoEmulator.start();
        starts[i] = System.nanoTime() - again;
        other.close();
      }
      Arrays.sort(starts);
      System.out.printf("later starts: min %.2f ms, median %.2f ms%n", starts[0] / 1e6, starts[10] / 1e6);
      Http http = new Http(logto);
      String token = http.token();
      for (int i = 0; i < 25; i++) {
        http.post("/users", "{\"username\":\"probe" + i + "\",\"password\":\"p\"}");
      }
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest get = HttpRequest.newBuilder(URI.create(logto.baseUrl() + "/api/users?page=1&page_size=20"))
          .header("Authorization", "Bearer " + token).build();
      int n = 5000;
      long[] nanos = new long[n];
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
        nanos[i] = System.nanoTime() - t0;
        if (response.statusCode() != 200) {
          throw new IllegalStateException("status " + response.statusCode());
        }
      }
      long[] warm = Arrays.copyOfRange(nanos, n / 2, n);
      Arrays.sort(warm);
      System.out.printf("ListUsers (20 users, page of 20) over keep-alive: p50 %.3f ms, p99 %.3f ms%n",
          warm[warm.length / 2] / 1e6, warm[warm.length * 99 / 100] / 1e6);
      HttpRequest status = HttpRequest.newBuilder(URI.create(logto.baseUrl() + "/api/users/none"))
          .header("Authorization", "Bearer " + token).build();
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        client.send(status, HttpResponse.BodyHandlers.ofByteArray());
        nanos[i] = System.nanoTime() - t0;
      }
      warm = Arrays.copyOfRange(nanos, n / 2, n);
      Arrays.sort(warm);
      System.out.printf("GetUser 404 over keep-alive: p50 %.3f ms, p99 %.3f ms%n", warm[warm.length / 2] / 1e6,
          warm[warm.length * 99 / 100] / 1e6);
    }
  }
}

package io.logto.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@link LoopbackServer} in a child JVM. Kept out of the measured JVM so that its allocations,
 * its garbage collections and its JIT work do not mix with the client's numbers; both JVMs still
 * share the machine's CPUs, equally for both clients.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final HttpClient control = HttpClient.newHttpClient();

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the server with this JVM's {@code java} and class path and waits for its port.
   *
   * @return the running server
   * @throws IOException if it cannot start or does not announce a port
   */
  static ServerProcess start() throws IOException {
    return start(List.of());
  }

  /**
   * Starts the server with arguments for {@link LoopbackServer#main}.
   *
   * @param serverArgs the total users and the delay per page, or nothing for the defaults
   * @return the running server
   * @throws IOException if it cannot start or does not announce a port
   */
  static ServerProcess start(List<String> serverArgs) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java,
        // see LoopbackServer: without TCP_NODELAY delayed ACKs cap every client near 25 calls/s
        "-Dsun.net.httpserver.nodelay=true",
        "-Xms256m", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        LoopbackServer.class.getName()));
    command.addAll(serverArgs);
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try {
      return new ServerProcess(process, LoopbackServer.readPort(process.getInputStream()));
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /**
   * Returns the base URL of the server.
   *
   * @return {@code http://127.0.0.1:<port>}
   */
  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Returns the token requests the server counted since the last {@link #resetTokenCount()}.
   *
   * @return the count
   * @throws IOException if the server does not answer
   * @throws InterruptedException if interrupted while waiting
   */
  int tokenRequests() throws IOException, InterruptedException {
    HttpResponse<String> response = control.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/_bench/token-requests")).build(),
        HttpResponse.BodyHandlers.ofString());
    return Integer.parseInt(response.body().trim());
  }

  /**
   * Sets the server's token request count back to zero.
   *
   * @throws IOException if the server does not answer
   * @throws InterruptedException if interrupted while waiting
   */
  void resetTokenCount() throws IOException, InterruptedException {
    control.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/_bench/reset"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** Closes the child's standard input, which makes it exit, and kills it if it lingers. */
  @Override
  public void close() {
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.flush();
    } catch (IOException ignored) {
      // the child is going away anyway
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

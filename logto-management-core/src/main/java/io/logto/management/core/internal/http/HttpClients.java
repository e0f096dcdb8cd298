package io.logto.management.core.internal.http;

import io.logto.management.core.internal.log.Logging;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Sets up the JDK HTTP client a client sends with: the SDK's own, or the caller's without redirects. */
public final class HttpClients {
  private static final ThreadFactory HTTP_THREADS = new ThreadFactory() {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "logto-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  };

  private HttpClients() {}

  /**
   * Builds the SDK's own HTTP client, which never follows redirects, on an executor of its own, so
   * closing it ends its threads on every Java version.
   *
   * @param base the server's base URL
   * @param connectTimeout the connect timeout
   * @return the client, owned by the SDK
   */
  public static SharedHttp own(URI base, Duration connectTimeout) {
    ExecutorService executor = Executors.newCachedThreadPool(HTTP_THREADS);
    // SLF4J starts on the executor's first thread while this thread builds the HTTP client; that
    // thread then serves the HTTP client
    Logging.startEarly(executor);
    HttpClient.Builder builder = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .executor(executor);
    if ("http".equalsIgnoreCase(base.getScheme())) {
      // cleartext HTTP/2 starts with an upgrade, during which the JDK client holds back further
      // requests to the host: one unanswered request (a hung token request) would stall every call
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    return new SharedHttp(builder.build(), true, executor);
  }

  /**
   * Uses the caller's HTTP client; if it follows redirects, a copy of its settings that does not,
   * since neither the secret nor a bearer token may follow a redirect to another host.
   *
   * @param http the caller's client, left to its owner to close
   * @param connectTimeout the copy's connect timeout when the caller's has none
   * @return the client to send with
   */
  public static SharedHttp callers(HttpClient http, Duration connectTimeout) {
    if (http.followRedirects() == HttpClient.Redirect.NEVER) {
      return new SharedHttp(http, false, null);
    }
    HttpClient.Builder builder = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(http.sslContext())
        .sslParameters(http.sslParameters())
        .version(http.version())
        .connectTimeout(http.connectTimeout().orElse(connectTimeout));
    http.proxy().ifPresent(builder::proxy);
    http.executor().ifPresent(builder::executor);
    http.authenticator().ifPresent(builder::authenticator);
    http.cookieHandler().ifPresent(builder::cookieHandler);
    // the copy is the SDK's to close; the executor stays the caller's
    return new SharedHttp(builder.build(), true, null);
  }
}

package io.logto.management.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.logto.management.webhooks.WebhookEvent;
import io.logto.management.webhooks.WebhookReceiver;
import io.logto.management.webhooks.WebhookVerificationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receiving Logto's webhooks without Spring, on the JDK's {@link HttpServer}: the raw body and the
 * signature header go to a {@link WebhookReceiver}, the typed event to the application. docs/webhooks.md
 * shows its handler (snippet region webhooks-endpoint, checked by DocSnippetsTest).
 */
public final class WebhookEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

  private final HttpServer server;

  private WebhookEndpoint(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts the endpoint on the loopback address.
   *
   * @param port the port, 0 for a free one
   * @param receiver verifies and decodes each delivery
   * @param listener gets each verified event; when it throws, Logto is answered 500 and records a failure
   * @return the running endpoint
   * @throws IOException when the port cannot be bound
   */
  public static WebhookEndpoint start(int port, WebhookReceiver receiver, Consumer<WebhookEvent> listener)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/logto/webhooks", exchange -> handle(exchange, receiver, listener));
    server.start();
    return new WebhookEndpoint(server);
  }

  // snippet: webhooks-endpoint
  private static void handle(HttpExchange exchange, WebhookReceiver receiver, Consumer<WebhookEvent> listener)
      throws IOException {
    int status;
    try (exchange) {
      try {
        // the raw bytes, read at most one byte over the limit; the header may be absent
        WebhookEvent event = receiver.receive(exchange.getRequestBody(),
            exchange.getRequestHeaders().getFirst(WebhookReceiver.SIGNATURE_HEADER));
        listener.accept(event);
        status = 204;
      } catch (WebhookVerificationException refused) {
        // 401 (signature, replay window), 413 (too large) or 400 (not a webhook payload)
        LOG.warn("refused a webhook delivery: {}", refused.reason());
        status = refused.reason().httpStatus();
      } catch (RuntimeException listenerFailed) {
        LOG.error("a webhook listener failed", listenerFailed);
        status = 500;
      }
      exchange.sendResponseHeaders(status, -1);
    }
  }
  // end snippet

  /**
   * Where Logto delivers: the URL to give the hook.
   *
   * @return {@code http://127.0.0.1:<port>/logto/webhooks}
   */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/logto/webhooks");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

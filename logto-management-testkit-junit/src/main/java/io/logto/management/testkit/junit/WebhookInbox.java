package io.logto.management.testkit.junit;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.logto.management.LogtoManagement;
import io.logto.management.model.CreateHookRequest;
import io.logto.management.model.Hook;
import io.logto.management.model.HookConfig;
import io.logto.management.model.HookEvent;
import io.logto.management.webhooks.WebhookEvent;
import io.logto.management.webhooks.WebhookReceiver;
import io.logto.management.webhooks.WebhookVerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * A webhook endpoint for tests: an HTTP server on a free loopback port that verifies each delivery with
 * the signing keys it trusts (as {@link WebhookReceiver} does) and keeps the typed events, which a test
 * awaits. Point a hook of the emulator (or of a real Logto that can reach this machine) at {@link #url()},
 * cause an event through the API, and assert what arrived.
 *
 * <pre>{@code
 * try (WebhookInbox inbox = WebhookInbox.start()) {
 *   inbox.subscribe(logto, HookEvent.USER_CREATED);          // creates the hook, trusts its signing key
 *   User user = logto.users().create(CreateUserRequest.builder().username("ann").build());
 *   UserCreated created = inbox.await(UserCreated.class, Duration.ofSeconds(10));
 *   assertThat(created.data()).isEqualTo(user);
 * }
 * }</pre>
 *
 * <p>A delivery that does not verify is answered as an endpoint on {@code WebhookReceiver} would (401, 413
 * or 400) and kept in {@link #rejections()}. Thread-safe; close it to stop the server.
 */
public final class WebhookInbox implements AutoCloseable {
  private static final String PATH = "/logto/webhooks";

  private final HttpServer server;
  private final ExecutorService executor;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final List<String> signingKeys = new CopyOnWriteArrayList<>();
  // guarded by lock: every verified event, and those no await has taken yet
  private final List<WebhookEvent> received = new ArrayList<>();
  private final List<WebhookEvent> pending = new ArrayList<>();
  private final List<WebhookVerificationException> rejections = new CopyOnWriteArrayList<>();
  // the hooks subscribe() created, deleted again on close so a long-lived emulator stops delivering here
  private final List<Runnable> unsubscribes = new CopyOnWriteArrayList<>();
  private volatile @Nullable WebhookReceiver receiver;
  private volatile int status = 200;

  private WebhookInbox(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts an inbox on a free port of the loopback address. It refuses every delivery until it trusts a
   * signing key ({@link #trust} or {@link #subscribe}).
   *
   * @return the running inbox
   */
  public static WebhookInbox start() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the webhook inbox on a loopback port", e);
    }
    ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "logto-webhook-inbox");
      thread.setDaemon(true);
      return thread;
    });
    WebhookInbox inbox = new WebhookInbox(server, executor);
    server.createContext(PATH, inbox::handle);
    server.setExecutor(executor);
    server.start();
    return inbox;
  }

  /**
   * Where hooks deliver: {@code http://127.0.0.1:<port>/logto/webhooks}.
   *
   * @return the URL
   */
  public URI url() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + PATH);
  }

  /**
   * Trusts one more signing key (a hook's {@code signingKey}, or the new one after
   * {@code hooks().updateSigningKey}); deliveries signed with any trusted key are accepted.
   *
   * @param signingKey the key
   * @return this inbox
   */
  public WebhookInbox trust(String signingKey) {
    signingKeys.add(requireNonNull(signingKey, "signingKey == null"));
    receiver = WebhookReceiver.builder().signingKeys(signingKeys).build();
    return this;
  }

  /**
   * Creates a hook for these events that delivers to this inbox, through the typed API, and trusts its
   * signing key. {@link #close()} deletes the hook again.
   *
   * @param logto the typed API of the Logto (or emulator) to subscribe to
   * @param events the events, at least one
   * @return the created hook
   */
  public Hook subscribe(LogtoManagement logto, HookEvent... events) {
    if (events.length == 0) {
      throw new IllegalArgumentException("subscribe needs at least one event");
    }
    Hook hook = logto.hooks().create(CreateHookRequest.builder().name("webhook-inbox")
        .events(Arrays.asList(events)).config(HookConfig.builder().url(url().toString()).build()).build());
    trust(hook.signingKey());
    unsubscribes.add(() -> logto.hooks().delete(hook.id()));
    return hook;
  }

  /**
   * Makes the inbox answer verified deliveries with this status from now on (default 200), to see how
   * Logto records a failing endpoint. The events are kept whatever the status.
   *
   * @param status an HTTP status, 200 to 599
   * @return this inbox
   */
  public WebhookInbox answerWith(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status must be 200..599: " + status);
    }
    this.status = status;
    return this;
  }

  /**
   * Waits for the first event of this type that no earlier call returned, and takes it.
   *
   * @param type the event's record, such as {@code UserCreated.class} (or a family such as
   *     {@code DataHookEvent.class}, or {@code WebhookEvent.class} for any)
   * @param timeout how long to wait at most
   * @param <T> the event's type
   * @return the event
   * @throws AssertionFailedError when none arrives in time, naming what did arrive
   */
  public <T extends WebhookEvent> T await(Class<T> type, Duration timeout) {
    requireNonNull(type, "type == null");
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        for (Iterator<WebhookEvent> it = pending.iterator(); it.hasNext(); ) {
          WebhookEvent event = it.next();
          if (type.isInstance(event)) {
            it.remove();
            return type.cast(event);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionFailedError("no " + type.getSimpleName() + " arrived within " + timeout
              + "; received " + received.stream().map(WebhookEvent::event).toList()
              + (rejections.isEmpty() ? "" : ", refused " + rejections.stream().map(e -> e.reason().name()).toList()));
        }
        arrived.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted while waiting for " + type.getSimpleName(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Every verified event so far, in arrival order (Logto sends asynchronously: not necessarily the order
   * of the calls that caused them).
   *
   * @return an immutable snapshot
   */
  public List<WebhookEvent> events() {
    lock.lock();
    try {
      return List.copyOf(received);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The deliveries refused so far, each with its reason.
   *
   * @return an immutable snapshot
   */
  public List<WebhookVerificationException> rejections() {
    return List.copyOf(rejections);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      WebhookReceiver current = receiver;
      WebhookEvent event;
      try {
        if (current == null) {
          body.readAllBytes();
          throw new IllegalStateException("the inbox trusts no signing key yet");
        }
        event = current.receive(body, exchange.getRequestHeaders().getFirst(WebhookReceiver.SIGNATURE_HEADER));
      } catch (WebhookVerificationException refused) {
        rejections.add(refused);
        exchange.sendResponseHeaders(refused.reason().httpStatus(), -1);
        return;
      } catch (IllegalStateException noKey) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      lock.lock();
      try {
        received.add(event);
        pending.add(event);
        arrived.signalAll();
      } finally {
        lock.unlock();
      }
      exchange.sendResponseHeaders(status, -1);
    }
  }

  /** Deletes the hooks {@link #subscribe} created (when that fails, the failure is not reported) and stops the server. */
  @Override
  public void close() {
    for (Runnable unsubscribe : unsubscribes) {
      try {
        unsubscribe.run();
      } catch (RuntimeException gone) {
        // the hook or the server is gone already: nothing will deliver here
      }
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "WebhookInbox[" + url() + ", trustedKeys=" + signingKeys.size() + "]";
  }
}

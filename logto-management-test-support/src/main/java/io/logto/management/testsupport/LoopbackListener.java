package io.logto.management.testsupport;

import io.logto.management.testsupport.TestServer.Recorded;
import io.logto.management.testsupport.TestServer.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The sockets of a {@link TestServer}: a listening socket on a free loopback port, a thread per
 * kept-alive connection that records each request and writes its reply, and the answers that could
 * not be written because the client hung up.
 */
final class LoopbackListener implements AutoCloseable {
  private final ServerSocket socket;
  private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "test-server");
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final List<Recorded> requests;
  private final Function<Recorded, Reply> replies;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<Recorded> unfinished = new ArrayList<>();

  /** Starts listening; each request is added to {@code requests}, then answered by {@code replies}. */
  LoopbackListener(List<Recorded> requests, Function<Recorded, Reply> replies) throws IOException {
    this.requests = requests;
    this.replies = replies;
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    workers.execute(this::acceptLoop);
  }

  int port() {
    return socket.getLocalPort();
  }

  /** See {@link TestServer#awaitUnfinishedAnswers}. */
  boolean awaitUnfinishedAnswers(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (unfinished) {
      while (unfinished.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(unfinished, left);
      }
      return true;
    }
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connections.add(connection);
        if (socket.isClosed()) {
          // accepted while close() ran, possibly after it closed the known connections
          closeQuietly(connection);
          return;
        }
        workers.execute(() -> serve(connection));
      } catch (IOException | RejectedExecutionException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      HttpWire wire = new HttpWire(connection);
      while (true) {
        Recorded request = wire.read();
        if (request == null) {
          return;
        }
        requests.add(request);
        Reply reply;
        try {
          reply = replies.apply(request);
        } catch (RuntimeException e) {
          reply = Reply.status(500);
        }
        try {
          if (!wire.answer(request, reply, closing)) {
            return;
          }
        } catch (IOException e) {
          synchronized (unfinished) {
            unfinished.add(request);
            unfinished.notifyAll();
          }
          return;
        }
      }
    } catch (IOException e) {
      // the client went away, or the server closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      connections.remove(connection);
    }
  }

  /** Stops accepting, releases hanging answers and closes every connection. */
  @Override
  public void close() {
    // The listening socket closes first: a client that retries a request whose connection a released
    // hanging answer just closed (the JDK client retries an idempotent request once) must be refused,
    // not accepted into a connection nobody serves or closes.
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    closing.countDown();
    connections.forEach(LoopbackListener::closeQuietly);
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket connection) {
    try {
      connection.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}

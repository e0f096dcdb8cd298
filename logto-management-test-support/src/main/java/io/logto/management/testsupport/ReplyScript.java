package io.logto.management.testsupport;

import io.logto.management.testsupport.TestServer.Recorded;
import io.logto.management.testsupport.TestServer.Reply;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link TestServer} answers: a handler per path, else the next queued reply, else the
 * fallback handler, else a 404.
 */
final class ReplyScript {
  private static final Reply UNSCRIPTED = Reply.json(404, "{\"code\":\"test.unscripted\",\"message\":\"no script\"}");

  private final Map<String, Function<Recorded, Reply>> handlers = new ConcurrentHashMap<>();
  private final Deque<Reply> queued = new ArrayDeque<>();
  private volatile @Nullable Function<Recorded, Reply> anyPath;

  void on(String path, Function<Recorded, Reply> handler) {
    handlers.put(path, handler);
  }

  void otherwise(Function<Recorded, Reply> handler) {
    anyPath = handler;
  }

  void enqueue(Reply reply) {
    synchronized (queued) {
      queued.add(reply);
    }
  }

  /**
   * Takes the requests recorded so far out of {@code requests} and drops the queued replies, both
   * while no request can take a queued reply: a request that missed the taking gets no stale reply.
   */
  List<Recorded> takeRequestsDroppingQueued(List<Recorded> requests) {
    synchronized (queued) {
      List<Recorded> taken = List.copyOf(requests);
      requests.removeAll(taken);
      queued.clear();
      return taken;
    }
  }

  Reply replyTo(Recorded request) {
    Function<Recorded, Reply> handler = handlers.get(request.path());
    if (handler != null) {
      return handler.apply(request);
    }
    synchronized (queued) {
      Reply next = queued.poll();
      if (next != null) {
        return next;
      }
    }
    Function<Recorded, Reply> fallback = anyPath;
    return fallback != null ? fallback.apply(request) : UNSCRIPTED;
  }

  /** A handler answering with {@code replies} in order, repeating the last one. */
  static Function<Recorded, Reply> inOrder(Reply... replies) {
    if (replies.length == 0) {
      throw new IllegalArgumentException("no replies given");
    }
    AtomicInteger next = new AtomicInteger();
    return request -> replies[Math.min(next.getAndIncrement(), replies.length - 1)];
  }
}

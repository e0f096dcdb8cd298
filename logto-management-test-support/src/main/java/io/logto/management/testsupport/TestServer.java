package io.logto.management.testsupport;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP/1.1 server for tests that fake a peer: it records every request received in full,
 * answers from scripts registered per path (or from a queue, for paths without a script), and can
 * break an exchange where no HTTP server library would ({@link Fault}: a reset or a close before the
 * answer, in the middle of the headers or of the body, an answer that is not HTTP). It speaks HTTP
 * on a plain socket of its own, keeps connections alive between exchanges (a faulty answer closes
 * its connection), and takes a free port. A request to a path without a script takes the next
 * queued reply, else the {@link #otherwise} handler's, else a 404.
 */
public final class TestServer implements AutoCloseable {
  /**
   * A request as the server received it.
   *
   * @param method the request method
   * @param path the raw (percent-encoded) path, without the query
   * @param query the raw query, or {@code null} when the target has none
   * @param headers the request headers (names match case-insensitively)
   * @param body the request body, de-chunked
   * @param clientPort the client's port: requests over one kept-alive connection share it
   */
  public record Recorded(String method, String path, @Nullable String query, Headers headers, byte[] body,
      int clientPort) {
    /**
     * The body as UTF-8 text.
     *
     * @return the body text
     */
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The first value of the header {@code name}, if the request had it.
     *
     * @param name the header name, matched case-insensitively
     * @return its first value, if present
     */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.getFirst(name));
    }
  }

  /**
   * An answer to send. The server writes the framing itself: {@code Content-Length},
   * {@code Transfer-Encoding} and {@code Connection} given here are left out.
   *
   * @param status the status code ({@code 0} with {@code hang}: not even a status line)
   * @param headers the headers, in order
   * @param body the body (none for 204, 304 and HEAD)
   * @param hang when set, the status line and headers promise a body that never comes, or nothing is
   *     sent at all when {@code status} is 0; the connection is held until the server closes
   * @param bodyDelay how long to wait between sending the headers and the body
   * @param fault when not {@code null}, the bytes sent instead of everything else
   */
  public record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean hang,
      Duration bodyDelay, @Nullable Fault fault) {
    /**
     * Copies the headers.
     *
     * @param status the status code ({@code 0} with {@code hang}: not even a status line)
     * @param headers the headers, in order
     * @param body the body (none for 204, 304 and HEAD)
     * @param hang when set, the status line and headers promise a body that never comes, or nothing is
     *     sent at all when {@code status} is 0; the connection is held until the server closes
     * @param bodyDelay how long to wait between sending the headers and the body
     * @param fault when not {@code null}, the bytes sent instead of everything else
     */
    public Reply {
      headers = List.copyOf(headers);
    }

    /**
     * An answer sent at once, or a hanging one.
     *
     * @param status the status code
     * @param headers the headers, in order
     * @param body the body
     * @param hang whether the promised body never comes
     */
    public Reply(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean hang) {
      this(status, headers, body, hang, Duration.ZERO, null);
    }

    /**
     * A JSON answer ({@code application/json; charset=utf-8}).
     *
     * @param status the status code
     * @param json the body
     * @return the reply
     */
    public static Reply json(int status, String json) {
      return text(status, "application/json; charset=utf-8", json);
    }

    /**
     * A text answer of the given content type, encoded as UTF-8.
     *
     * @param status the status code
     * @param contentType the {@code Content-Type}
     * @param text the body
     * @return the reply
     */
    public static Reply text(int status, String contentType, String text) {
      return new Reply(status, List.of(Map.entry("Content-Type", contentType)),
          text.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * A status without a body.
     *
     * @param status the status code
     * @return the reply
     */
    public static Reply status(int status) {
      return new Reply(status, List.of(), new byte[0], false);
    }

    /**
     * Sends the status line and headers, then never the promised body.
     *
     * @param status the status code
     * @return the reply
     */
    public static Reply stallBody(int status) {
      return new Reply(status, List.of(), new byte[0], true);
    }

    /**
     * Never answers; released when the server closes.
     *
     * @return the reply
     */
    public static Reply never() {
      return new Reply(0, List.of(), new byte[0], true);
    }

    /**
     * Breaks the exchange as {@code fault} says, then closes the connection.
     *
     * @param fault how to break the exchange
     * @return the reply
     */
    public static Reply fault(Fault fault) {
      return new Reply(0, List.of(), new byte[0], false, Duration.ZERO, fault);
    }

    /**
     * This answer with one more header.
     *
     * @param name the header name
     * @param value its value
     * @return the new reply
     */
    public Reply header(String name, String value) {
      List<Map.Entry<String, String>> more = new ArrayList<>(headers);
      more.add(Map.entry(name, value));
      return new Reply(status, more, body, hang, bodyDelay, fault);
    }

    /**
     * Sends the headers at once and the body only after {@code delay}.
     *
     * @param delay the wait between the headers and the body
     * @return the new reply
     */
    public Reply bodyAfter(Duration delay) {
      return new Reply(status, headers, body, hang, delay, fault);
    }
  }

  /** Answers written byte by byte, most of them broken; each closes its connection when done. */
  public enum Fault {
    /** Resets the connection (RST) without a byte of answer. */
    RESET_BEFORE_ANSWER,
    /** Closes the connection (FIN) without a byte of answer. */
    CLOSE_BEFORE_ANSWER,
    /** Sends part of the status line and headers, then closes. */
    CLOSE_MID_HEADERS,
    /** Sends the headers and 16 of 1,000 promised body bytes, then resets. */
    RESET_MID_BODY,
    /** Sends the headers and 16 of 1,000 promised body bytes, then closes cleanly: a truncated body. */
    TRUNCATED_BODY,
    /** Answers with a line that is not HTTP (a JSON token answer without status line or headers), then closes. */
    NOT_HTTP,
    /** Answers 200 with the small JSON body {@link #OK_BODY}. */
    OK,
    /** Answers 200 with a 2 MiB body in chunks, without {@code Content-Length}. */
    CHUNKED_2_MIB,
    /**
     * Answers 200 with a 128 MiB body in chunks, far more than socket buffers hold: writing it fails
     * (see {@link TestServer#awaitUnfinishedAnswers}) when the client hangs up before reading it all.
     */
    CHUNKED_128_MIB;

    /** The body of {@link #OK}. */
    public static final String OK_BODY = "{\"id\":\"u1\"}";
    /** The token text the {@link #NOT_HTTP} answer carries. */
    public static final String TOKEN_IN_ANSWER = "tok-CANARY-7f3a9b";
  }

  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final ReplyScript script = new ReplyScript();
  private final LoopbackListener listener;

  private TestServer() throws IOException {
    listener = new LoopbackListener(requests, script::replyTo);
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @return the running server
   */
  public static TestServer start() {
    try {
      return new TestServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts a server that answers every request, whatever its path, with {@code faults} in order,
   * repeating the last one.
   *
   * @param faults the answers, in order
   * @return the running server
   */
  public static TestServer start(Fault... faults) {
    Reply[] replies = new Reply[faults.length];
    for (int i = 0; i < faults.length; i++) {
      replies[i] = Reply.fault(faults[i]);
    }
    return start().otherwise(ReplyScript.inOrder(replies));
  }

  /**
   * {@code http://127.0.0.1:<port>}, without a trailing slash.
   *
   * @return the base URL
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + listener.port();
  }

  /**
   * Answers requests to {@code path} (raw, without query) with {@code handler}.
   *
   * @param path the raw path
   * @param handler the answer to each request
   * @return this server
   */
  public TestServer on(String path, Function<Recorded, Reply> handler) {
    script.on(path, handler);
    return this;
  }

  /**
   * Answers requests to paths without a script, when no reply is queued, with {@code handler} (instead of 404).
   *
   * @param handler the answer to each such request
   * @return this server
   */
  public TestServer otherwise(Function<Recorded, Reply> handler) {
    script.otherwise(handler);
    return this;
  }

  /**
   * Answers requests to {@code path} with the replies in order, repeating the last one.
   *
   * @param path the raw path
   * @param replies the answers, in order
   * @return this server
   */
  public TestServer replies(String path, Reply... replies) {
    return on(path, ReplyScript.inOrder(replies));
  }

  /**
   * Serves tokens {@code token-1}, {@code token-2}, ... valid for an hour with scope {@code all}.
   *
   * @return this server
   */
  public TestServer tokens() {
    AtomicInteger issued = new AtomicInteger();
    return on("/oidc/token", request -> Reply.json(200, "{\"access_token\":\"token-" + issued.incrementAndGet()
        + "\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"all\"}"));
  }

  /**
   * Queues {@code reply} for the next request to a path without a script (each queued reply is used once).
   *
   * @param reply the answer
   * @return this server
   */
  public TestServer enqueue(Reply reply) {
    script.enqueue(reply);
    return this;
  }

  /**
   * Every request received in full, in order.
   *
   * @return the requests
   */
  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /**
   * The requests to {@code path} (raw, without query), in order.
   *
   * @param path the raw path
   * @return the requests
   */
  public List<Recorded> requests(String path) {
    return requests.stream().filter(request -> request.path().equals(path)).toList();
  }

  /**
   * How many requests to {@code path} were received.
   *
   * @param path the raw path
   * @return the count
   */
  public long count(String path) {
    return requests(path).size();
  }

  /**
   * The requests received so far, forgotten here, with the replies still queued: what follows starts
   * afresh.
   *
   * @return the requests taken
   */
  public List<Recorded> takeRequests() {
    return script.takeRequestsDroppingQueued(requests);
  }

  /**
   * Waits until the answers to {@code count} requests could not be written in full because the
   * connection broke (the client hung up), for at most {@code timeout}; true if they did.
   *
   * @param count how many broken answers to wait for
   * @param timeout the longest wait
   * @return whether they did within {@code timeout}
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitUnfinishedAnswers(int count, Duration timeout) throws InterruptedException {
    return listener.awaitUnfinishedAnswers(count, timeout);
  }

  /** Stops accepting, releases hanging answers and closes every connection. */
  @Override
  public void close() {
    listener.close();
  }
}

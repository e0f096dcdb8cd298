package io.logto.management.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback server that speaks HTTP/1.1 byte by byte, so a test can break an exchange where no
 * HTTP server library would: reset or close the connection before the answer, in the middle of the
 * headers or of the body. Each connection carries one exchange and takes the next scripted
 * {@link Fault} (the last one repeats); every request received in full is recorded.
 */
final class FaultServer implements AutoCloseable {
  /** What the server does after reading a request. */
  enum Fault {
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
    /** Answers 200 with a small JSON body. */
    OK,
    /** Answers 200 with a 2 MiB body in chunks, without {@code Content-Length}. */
    CHUNKED_2_MIB
  }

  /** A request line and body as received. */
  record Received(String method, String path, String body) {}

  static final String OK_BODY = "{\"id\":\"u1\"}";
  /** The token text the {@link Fault#NOT_HTTP} answer carries. */
  static final String TOKEN_IN_ANSWER = "tok-CANARY-7f3a9b";

  private final ServerSocket socket;
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<Fault> script;
  private final Fault last;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private FaultServer(List<Fault> faults) throws IOException {
    this.script = new ConcurrentLinkedQueue<>(faults);
    this.last = faults.get(faults.size() - 1);
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    workers.execute(this::acceptLoop);
  }

  /** Starts a server that applies {@code faults} to the successive connections. */
  static FaultServer start(Fault... faults) {
    try {
      return new FaultServer(List.of(faults));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** Every request received in full, in order. */
  List<Received> received() {
    return List.copyOf(received);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        workers.execute(() -> serve(connection));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      connection.setSoTimeout(5_000);
      Received request = read(connection.getInputStream());
      if (request == null) {
        return;
      }
      received.add(request);
      Fault fault = script.size() > 0 ? script.poll() : last;
      OutputStream out = connection.getOutputStream();
      switch (fault == null ? last : fault) {
        case RESET_BEFORE_ANSWER -> connection.setSoLinger(true, 0);
        case CLOSE_BEFORE_ANSWER -> connection.shutdownOutput();
        case CLOSE_MID_HEADERS -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: appl");
        case RESET_MID_BODY -> {
          write(out, head(1000) + "0123456789abcdef");
          connection.setSoLinger(true, 0);
        }
        case TRUNCATED_BODY -> {
          write(out, head(1000) + "0123456789abcdef");
          connection.shutdownOutput();
        }
        case NOT_HTTP -> {
          write(out, "{\"access_token\":\"" + TOKEN_IN_ANSWER + "\"}\r\n\r\n");
          connection.shutdownOutput();
        }
        case OK -> write(out, head(OK_BODY.length()) + OK_BODY);
        case CHUNKED_2_MIB -> {
          write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
              + "Connection: close\r\n\r\n");
          String chunk = "x".repeat(64 * 1024);
          for (int i = 0; i < 32; i++) {
            write(out, Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
          }
          write(out, "0\r\n\r\n");
        }
      }
    } catch (SocketException e) {
      // the client gave up first
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String head(int contentLength) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
        + "\r\nConnection: close\r\n\r\n";
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  // the request head up to the blank line, then Content-Length bytes of body; null if cut short
  private static Received read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] requestLine = lines[0].split(" ");
    int length = 0;
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      return null;
    }
    return new Received(requestLine[0], requestLine[1], new String(body, StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

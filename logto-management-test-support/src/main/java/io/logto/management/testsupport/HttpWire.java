package io.logto.management.testsupport;

import com.sun.net.httpserver.Headers;
import io.logto.management.testsupport.TestServer.Fault;
import io.logto.management.testsupport.TestServer.Recorded;
import io.logto.management.testsupport.TestServer.Reply;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** One connection of the {@link TestServer}, as HTTP/1.1 bytes: reads requests, writes answers and faults. */
final class HttpWire {
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  // the framing is the server's to write, whatever a scripted answer says
  private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection");

  private final Socket connection;
  private final InputStream in;
  private final OutputStream out;

  HttpWire(Socket connection) throws IOException {
    this.connection = connection;
    // without TCP_NODELAY, a small answer waits for the client's delayed ACK
    connection.setTcpNoDelay(true);
    this.in = new BufferedInputStream(connection.getInputStream());
    this.out = new BufferedOutputStream(connection.getOutputStream());
  }

  /** The next request on this connection, or {@code null} when the client closed it or cut a request short. */
  @Nullable Recorded read() throws IOException {
    String head = readHead();
    if (head == null) {
      return null;
    }
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    if (requestLine.length != 3) {
      throw new IOException("not an HTTP request line: " + lines[0]);
    }
    Headers headers = new Headers();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
      }
    }
    if ("100-continue".equalsIgnoreCase(headers.getFirst("Expect"))) {
      write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    byte[] body = readBody(headers);
    if (body == null) {
      return null;
    }
    String target = requestLine[1];
    int query = target.indexOf('?');
    return new Recorded(requestLine[0], query < 0 ? target : target.substring(0, query),
        query < 0 ? null : target.substring(query + 1), headers, body, connection.getPort());
  }

  /**
   * Sends {@code reply} to {@code request}; true when the connection may carry another exchange. A
   * hanging answer waits for {@code closing} (at most 30 seconds).
   */
  boolean answer(Recorded request, Reply reply, CountDownLatch closing) throws IOException, InterruptedException {
    Fault fault = reply.fault();
    if (fault != null) {
      breakWith(fault);
      return false;
    }
    if (reply.hang()) {
      if (reply.status() > 0) {
        // headers promise a body that never comes
        write(head(reply, "Content-Length: 1000\r\n"));
      }
      closing.await(30, TimeUnit.SECONDS);
      return false;
    }
    int status = reply.status();
    boolean bodiless = status < 200 || status == 204 || status == 304;
    byte[] body = bodiless || request.method().equals("HEAD") ? new byte[0] : reply.body();
    boolean keepAlive = !"close".equalsIgnoreCase(request.header("Connection").orElse(""));
    String framing = (bodiless ? "" : "Content-Length: " + reply.body().length + "\r\n")
        + (keepAlive ? "" : "Connection: close\r\n");
    write(head(reply, framing));
    if (!reply.bodyDelay().isZero()) {
      Thread.sleep(reply.bodyDelay().toMillis());
    }
    out.write(body);
    out.flush();
    return keepAlive;
  }

  private void breakWith(Fault fault) throws IOException {
    switch (fault) {
      case RESET_BEFORE_ANSWER -> connection.setSoLinger(true, 0);
      case CLOSE_BEFORE_ANSWER -> connection.shutdownOutput();
      case CLOSE_MID_HEADERS -> write("HTTP/1.1 200 OK\r\nContent-Type: appl");
      case RESET_MID_BODY -> {
        write(okHead(1000) + "0123456789abcdef");
        connection.setSoLinger(true, 0);
      }
      case TRUNCATED_BODY -> {
        write(okHead(1000) + "0123456789abcdef");
        connection.shutdownOutput();
      }
      case NOT_HTTP -> {
        write("{\"access_token\":\"" + Fault.TOKEN_IN_ANSWER + "\"}\r\n\r\n");
        connection.shutdownOutput();
      }
      case OK -> write(okHead(Fault.OK_BODY.length()) + Fault.OK_BODY);
      case CHUNKED_2_MIB -> writeChunked(32);
      case CHUNKED_128_MIB -> writeChunked(2048);
    }
  }

  // 64 KiB chunks of 'x'
  private void writeChunked(int chunks) throws IOException {
    write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        + "Connection: close\r\n\r\n");
    byte[] chunk = (Integer.toHexString(64 * 1024) + "\r\n" + "x".repeat(64 * 1024) + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < chunks; i++) {
      out.write(chunk);
      out.flush();
    }
    write("0\r\n\r\n");
  }

  private static String okHead(int contentLength) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
        + "\r\nConnection: close\r\n\r\n";
  }

  private static String head(Reply reply, String framing) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(reply.status()).append(' ')
        .append(reason(reply.status())).append("\r\n");
    for (Map.Entry<String, String> header : reply.headers()) {
      if (!FRAMING.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
      }
    }
    return head.append(framing).append("\r\n").toString();
  }

  private static String reason(int status) {
    return switch (status / 100) {
      case 1 -> "Informational";
      case 2 -> "Success";
      case 3 -> "Redirection";
      case 4 -> "Client Error";
      default -> "Server Error";
    };
  }

  private void write(String text) throws IOException {
    // UTF-8: scripted header values are Java text; the status line and names are ASCII anyway
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  // the request head up to the blank line; null if the connection ends first
  private @Nullable String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (head.size() >= MAX_HEAD_BYTES) {
        throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  // Content-Length bytes, or the chunks of a chunked body; null if cut short
  private byte @Nullable [] readBody(Headers headers) throws IOException {
    if ("chunked".equalsIgnoreCase(headers.getFirst("Transfer-Encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String sizeLine = readLine();
        if (sizeLine == null) {
          return null;
        }
        int extension = sizeLine.indexOf(';');
        int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
        if (size == 0) {
          String trailer;
          do {
            trailer = readLine();
          } while (trailer != null && !trailer.isEmpty());
          return trailer == null ? null : body.toByteArray();
        }
        byte[] chunk = in.readNBytes(size);
        if (chunk.length < size || readLine() == null) {
          return null;
        }
        body.write(chunk);
      }
    }
    String length = headers.getFirst("Content-Length");
    int expected = length == null ? 0 : Integer.parseInt(length.trim());
    byte[] body = in.readNBytes(expected);
    return body.length < expected ? null : body;
  }

  private @Nullable String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
      previous = b;
    }
    return null;
  }
}

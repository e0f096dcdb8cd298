package io.logto.management.spring.boot.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Deliveries as Logto makes them, signed here with the JDK's HMAC (not with the library under test), and
 * sent over real HTTP to an application's endpoint.
 */
final class SignedDeliveries {
  static final String SIGNATURE_HEADER = "logto-signature-sha-256";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private SignedDeliveries() {}

  /** A {@code User.Created} payload shaped as Logto 1.42 sends it (our own values). */
  static byte[] userCreated(String userId, String username, Instant createdAt) {
    return ("{\"event\":\"User.Created\",\"createdAt\":\"" + createdAt + "\",\"userAgent\":\"test-agent\","
        + "\"ip\":\"127.0.0.1\",\"path\":\"/users\",\"method\":\"POST\",\"status\":200,\"params\":{},"
        + "\"matchedRoute\":\"/users\",\"data\":{\"id\":\"" + userId + "\",\"username\":\"" + username + "\","
        + "\"primaryEmail\":\"" + username + "@example.org\",\"primaryPhone\":null,\"name\":null,\"avatar\":null,"
        + "\"customData\":{},\"identities\":{},\"lastSignInAt\":null,\"createdAt\":1796600000000,"
        + "\"updatedAt\":1796600000000,\"profile\":{},\"applicationId\":null,\"isSuspended\":false,"
        + "\"hasPassword\":false},\"hookId\":\"hook-under-test\"}").getBytes(UTF_8);
  }

  static String sign(byte[] body, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> post(URI endpoint, byte[] body, @Nullable String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      request.header(SIGNATURE_HEADER, signature);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends the head of a request over a plain socket, then {@code sent} bytes of a body that never ends
   * (declared much longer, or chunked without the last chunk), and returns the status line the server
   * answers while the client still holds the rest: proof that it stopped reading.
   */
  static String statusLineOfUnfinishedPost(int port, String path, boolean chunked, int sent) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
          + SIGNATURE_HEADER + ": " + "0".repeat(64) + "\r\n"
          + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + (100L << 20) + "\r\n") + "\r\n";
      out.write(head.getBytes(UTF_8));
      byte[] part = "x".repeat(sent).getBytes(UTF_8);
      if (chunked) {
        out.write((Integer.toHexString(part.length) + "\r\n").getBytes(UTF_8));
        out.write(part);
        out.write("\r\n".getBytes(UTF_8));
      } else {
        out.write(part);
      }
      out.flush();
      return readLine(socket.getInputStream());
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}

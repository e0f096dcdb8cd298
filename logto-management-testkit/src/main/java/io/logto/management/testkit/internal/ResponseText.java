package io.logto.management.testkit.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A webhook endpoint's answer as text, as Logto logs it: deliveries advertise {@code accept-encoding: gzip,
 * deflate} as Node's fetch does, and fetch decodes what comes back that way; the JDK's client does not.
 */
final class ResponseText {
  private ResponseText() {}

  static String of(HttpResponse<byte[]> response) {
    byte[] body = response.body();
    String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
    try {
      if (encoding.equals("gzip")) {
        body = readAll(new GZIPInputStream(new ByteArrayInputStream(body)));
      } else if (encoding.equals("deflate")) {
        body = readAll(new InflaterInputStream(new ByteArrayInputStream(body)));
      }
    } catch (IOException notDecodable) {
      // fetch would fail the same way: keep what came, as text
    }
    return new String(body, StandardCharsets.UTF_8);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}

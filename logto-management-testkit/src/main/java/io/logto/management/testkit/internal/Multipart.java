package io.logto.management.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@code multipart/form-data} body into its parts, as Logto's body parser hands them to a
 * route: a part whose {@code Content-Disposition} has a {@code filename} is a file, the others are
 * fields.
 */
final class Multipart {
  /** One part: its field name, the file name (null for a plain field), its Content-Type (null when not sent). */
  record Part(String name, String filename, String contentType, byte[] content) {
    boolean isFile() {
      return filename != null;
    }
  }

  private Multipart() {}

  /** The parts of {@code body}; empty when {@code contentType} is not multipart or names no boundary. */
  static List<Part> parse(String contentType, byte[] body) {
    String boundary = boundary(contentType);
    List<Part> parts = new ArrayList<>();
    if (boundary == null) {
      return parts;
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int start = indexOf(body, delimiter, 0);
    while (start >= 0) {
      int afterDelimiter = start + delimiter.length;
      if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
        break; // the closing delimiter
      }
      int headersStart = afterDelimiter + 2; // CRLF after the delimiter
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0 || next < 0 || headersEnd > next) {
        break; // truncated: what was read so far is what a streaming parser would have seen
      }
      parts.add(part(new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
          Arrays.copyOfRange(body, headersEnd + 4, next)));
      start = next + 2;
    }
    return parts;
  }

  private static Part part(String headers, byte[] content) {
    String name = null;
    String filename = null;
    String type = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (header.equals("content-disposition")) {
        name = parameter(value, "name");
        filename = parameter(value, "filename");
      } else if (header.equals("content-type")) {
        type = value;
      }
    }
    return new Part(name == null ? "" : name, filename, type, content);
  }

  private static String boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return null;
    }
    String boundary = parameter(contentType, "boundary");
    return boundary == null || boundary.isEmpty() ? null : boundary;
  }

  // a parameter of a header value (name="x" or name=x), null when absent
  private static String parameter(String headerValue, String parameter) {
    for (String piece : headerValue.split(";")) {
      String trimmed = piece.trim();
      int eq = trimmed.indexOf('=');
      if (eq > 0 && trimmed.substring(0, eq).trim().equalsIgnoreCase(parameter)) {
        String value = trimmed.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

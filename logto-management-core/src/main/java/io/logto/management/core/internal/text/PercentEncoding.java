package io.logto.management.core.internal.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** RFC 3986 percent-encoding that keeps only unreserved characters, for path segments and queries. */
public final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /**
   * Encodes a value so it stays exactly one path segment: {@code /}, {@code ?}, {@code #}, {@code %} and
   * spaces are escaped, and the dot segments {@code .} and {@code ..} are escaped too, since servers and
   * proxies collapse them.
   *
   * @param value the raw value
   * @return the encoded segment
   */
  public static String segment(String value) {
    if (value.equals(".") || value.equals("..")) {
      return value.replace(".", "%2E");
    }
    return encode(value);
  }

  /**
   * Encodes a query key or value (space as {@code %20}).
   *
   * @param value the raw text
   * @return the encoded text
   */
  public static String encode(String value) {
    int plain = 0;
    while (plain < value.length() && isUnreserved(value.charAt(plain))) {
      plain++;
    }
    if (plain == value.length()) {
      // names and numbers usually need no escaping: skip the UTF-8 copy
      return value;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = null;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (isUnreserved(b)) {
        if (out != null) {
          out.append((char) b);
        }
      } else {
        if (out == null) {
          out = new StringBuilder(bytes.length + 16);
          for (int j = 0; j < i; j++) {
            out.append((char) bytes[j]);
          }
        }
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
      }
    }
    return out == null ? value : out.toString();
  }

  /**
   * Joins encoded {@code key=value} pairs with {@code &}.
   *
   * @param pairs the raw pairs, in order
   * @return the encoded query, empty when there are no pairs
   */
  public static String query(List<Map.Entry<String, String>> pairs) {
    return appendQuery(new StringBuilder(), pairs).toString();
  }

  /**
   * Appends encoded {@code key=value} pairs joined with {@code &}, so a URL is built in one buffer.
   *
   * @param out the buffer
   * @param pairs the raw pairs, in order
   * @return {@code out}
   */
  public static StringBuilder appendQuery(StringBuilder out, List<Map.Entry<String, String>> pairs) {
    for (int i = 0; i < pairs.size(); i++) {
      Map.Entry<String, String> pair = pairs.get(i);
      if (i > 0) {
        out.append('&');
      }
      out.append(encode(pair.getKey())).append('=').append(encode(pair.getValue()));
    }
    return out;
  }

  private static boolean isUnreserved(int b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
        || b == '-' || b == '.' || b == '_' || b == '~';
  }
}

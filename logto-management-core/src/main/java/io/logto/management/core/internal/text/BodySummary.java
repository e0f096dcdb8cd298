package io.logto.management.core.internal.text;

import java.net.http.HttpHeaders;

/**
 * Describes a response body by what is safe to show: its content type and length. A body may hold a
 * token, a client secret echoed back or personal data, so messages and logs never quote it.
 */
public final class BodySummary {
  private BodySummary() {}

  /**
   * Describes a body in a few words, such as {@code text/html, 1532 bytes}.
   *
   * @param headers the response headers, for the content type
   * @param body the body
   * @return its content type (without parameters) and length, or {@code empty body}
   */
  public static String of(HttpHeaders headers, byte[] body) {
    if (body.length == 0) {
      return "empty body";
    }
    String type = headers.firstValue("Content-Type").map(BodySummary::mediaType).orElse("no content type");
    return type + ", " + body.length + (body.length == 1 ? " byte" : " bytes");
  }

  // parameters such as a boundary are dropped; what is left is a token of letters, digits and +-./
  private static String mediaType(String contentType) {
    int end = contentType.indexOf(';');
    String type = (end < 0 ? contentType : contentType.substring(0, end)).strip();
    return type.matches("[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+") ? type : "unusual content type";
  }
}

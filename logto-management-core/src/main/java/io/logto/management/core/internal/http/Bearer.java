package io.logto.management.core.internal.http;

/**
 * The {@code Authorization} value for a bearer token. The token is checked here, before any request is
 * built: the JDK's own header checks quote the value they reject, which would put the token in an
 * exception message.
 */
public final class Bearer {
  private Bearer() {}

  /**
   * Returns {@code Bearer <token>}.
   *
   * @param token the access token
   * @return the header value
   * @throws IllegalArgumentException when the token holds a character a header value cannot carry; the
   *     message does not show the token
   */
  public static String headerValue(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      // ASCII without control characters, as the JDK takes it (it also takes Latin-1, which no token has)
      if ((c < ' ' && c != '\t') || c > '~') {
        throw new IllegalArgumentException("the access token holds a character a header cannot carry (not shown)");
      }
    }
    return "Bearer " + token;
  }
}

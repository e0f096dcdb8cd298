package io.logto.management.core.internal.http;

import java.net.http.HttpHeaders;
import java.util.Locale;

/** Reads the relations of {@code Link} headers; the URLs are ignored (Logto's lack the /api prefix). */
public final class LinkHeader {
  private LinkHeader() {}

  /**
   * Tells whether a {@code Link} header names the relation.
   *
   * @param headers the response headers
   * @param relation the relation, lower case, such as {@code next}
   * @return whether a link has it
   */
  public static boolean hasRelation(HttpHeaders headers, String relation) {
    for (String line : headers.allValues("Link")) {
      for (String link : line.split(",(?=\\s*<)")) {
        for (String parameter : link.split(";")) {
          String[] pair = parameter.trim().split("=", 2);
          if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("rel")) {
            String value = pair[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
            for (String rel : value.split("\\s+")) {
              if (rel.equals(relation)) {
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }
}

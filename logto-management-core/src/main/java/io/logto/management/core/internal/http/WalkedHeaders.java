package io.logto.management.core.internal.http;

import java.net.http.HttpHeaders;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Makes {@link HttpHeaders} from headers the SDK has checked already, without filling a map first:
 * {@link HttpHeaders#of} copies what it is given into a sorted map of its own by walking it, so it is
 * given a read-only map that walks the headers where they are (the request's name/value pairs, or
 * another request's headers with the token's). Every request pays this on its way to the socket.
 */
final class WalkedHeaders extends AbstractMap<String, List<String>> {
  private final Consumer<BiConsumer<String, List<String>>> walk;

  private WalkedHeaders(Consumer<BiConsumer<String, List<String>>> walk) {
    this.walk = walk;
  }

  /**
   * Builds headers from a walk that gives each name once, whatever its case, with checked values.
   *
   * @param walk gives the headers to what it is passed
   * @return the headers
   */
  static HttpHeaders of(Consumer<BiConsumer<String, List<String>>> walk) {
    return HttpHeaders.of(new WalkedHeaders(walk), (name, value) -> true);
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super List<String>> action) {
    walk.accept(action::accept);
  }

  // only for a JDK that copies through the entries instead: the same headers, in a map
  @Override
  public Set<Map.Entry<String, List<String>>> entrySet() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    walk.accept(copy::put);
    return copy.entrySet();
  }
}

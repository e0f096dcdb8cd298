package io.logto.management.core;

import java.net.URI;
import java.util.Optional;

/**
 * The Management API answered a call with a redirect (3xx). The SDK never follows redirects, so the
 * bearer token (and, on the token request, the client secret) cannot reach another host; a redirect
 * usually means the base URL is wrong (such as {@code http} where the server wants {@code https}).
 * The message names only the target's scheme and host.
 */
public class LogtoRedirectException extends LogtoApiException {
  /**
   * Creates the exception.
   *
   * @param error what the server answered
   */
  public LogtoRedirectException(ApiError error) {
    super(error);
  }

  /**
   * Returns where the server redirected to.
   *
   * @return the {@code Location} header resolved against the request path, if present and valid
   */
  public Optional<URI> location() {
    return headers().firstValue("Location").flatMap(LogtoRedirectException::parse);
  }

  static Optional<URI> parse(String location) {
    try {
      return Optional.of(URI.create(location.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

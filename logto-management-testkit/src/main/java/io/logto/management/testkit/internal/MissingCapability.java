package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The 501 answer for a request Logto would answer with the help of something the emulator cannot have
 * (a browser session, an external identity provider, the internet): the body names what is missing, in
 * the same {@code emulator.not_implemented} code as an operation the emulator does not implement.
 */
final class MissingCapability {
  private MissingCapability() {}

  /** A 501 saying that Logto would need {@code what} to answer this request. */
  static ApiError error(String what) {
    ObjectNode body = Json.object();
    body.put("code", "emulator.not_implemented")
        .put("message", "LogtoEmulator cannot answer this request: Logto would need " + what + ".");
    body.set("data", Json.object().put("missing", what));
    return ApiError.of(501, body);
  }
}

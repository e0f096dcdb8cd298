/**
 * Runtime of the Logto Management API SDK: client, authentication, transport, retries, errors and
 * pagination. Two packages are API and exported to everyone: {@code io.logto.management.core.client}
 * (the client) and {@code io.logto.management.core} (what calls take and give). Of the internal
 * packages only the codecs the generated model names in its annotations are exported, to the generated
 * API and to Jackson, which instantiates them.
 */
@SuppressWarnings("module") // io.logto.management is compiled after this module
module io.logto.management.core {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.net.http;
  requires transitive org.slf4j;
  requires transitive org.jspecify;

  exports io.logto.management.core;
  exports io.logto.management.core.client;
  exports io.logto.management.core.internal.codec to io.logto.management, com.fasterxml.jackson.databind;
}

/**
 * Runtime of the Logto Management API SDK: client, authentication, transport, retries, errors and
 * pagination. Only {@code io.logto.management.core} is public API; the internal packages are
 * exported solely to the generated API module.
 */
@SuppressWarnings("module") // io.logto.management is compiled after this module
module io.logto.management.core {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.net.http;
  requires transitive org.slf4j;
  requires transitive org.jspecify;

  exports io.logto.management.core;
  exports io.logto.management.core.internal.auth to io.logto.management;
  exports io.logto.management.core.internal.codec to io.logto.management, com.fasterxml.jackson.databind;
  exports io.logto.management.core.internal.http to io.logto.management;
  exports io.logto.management.core.internal.json to io.logto.management;
  exports io.logto.management.core.internal.pagination to io.logto.management;
  exports io.logto.management.core.internal.retry to io.logto.management;
}

/**
 * Runtime of the Logto Management API SDK: client, authentication, transport, retries, errors and
 * pagination. Only {@code io.logto.management.core} is API and exported; the internal packages are
 * exported to no one (the generated API calls the public package only).
 */
module io.logto.management.core {
  requires transitive com.fasterxml.jackson.databind;
  requires transitive java.net.http;
  requires transitive org.slf4j;
  requires transitive org.jspecify;

  exports io.logto.management.core;
}

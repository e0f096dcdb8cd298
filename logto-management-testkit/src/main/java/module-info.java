/**
 * An in-process emulator of the Logto Management API and its client-credentials token endpoint, for
 * tests. Depends on the JDK's HTTP server and Jackson only.
 */
module io.logto.management.testkit {
  requires transitive java.net.http;
  requires jdk.httpserver;
  requires java.xml;
  requires com.fasterxml.jackson.databind;

  exports io.logto.management.testkit;
}

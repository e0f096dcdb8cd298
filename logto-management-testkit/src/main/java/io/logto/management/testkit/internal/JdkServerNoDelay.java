package io.logto.management.testkit.internal;

import com.sun.net.httpserver.HttpServer;

/**
 * Turns on TCP_NODELAY for the JDK's HTTP server without leaving a system property behind. Without it
 * the server's separate header and body writes meet the client's delayed ACK: about 40 ms per
 * keep-alive call. The JDK reads {@value #PROPERTY} once, when its server configuration class
 * initialises, so the property is set only around that moment and cleared again; a JVM that set it
 * itself, or started an HTTP server before, keeps what it has.
 */
final class JdkServerNoDelay {
  static final String PROPERTY = "sun.net.httpserver.nodelay";

  static {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "true");
      try {
        Class.forName("sun.net.httpserver.ServerConfig", true, HttpServer.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        // another JDK's server: it has no such switch, and nothing else depends on it
      } finally {
        System.clearProperty(PROPERTY);
      }
    }
  }

  private JdkServerNoDelay() {}

  /** Makes sure the switch was applied before the first server of this JVM is created. */
  static void apply() {
    // the work is in the static initialiser, which the JVM runs once, thread-safely
  }
}

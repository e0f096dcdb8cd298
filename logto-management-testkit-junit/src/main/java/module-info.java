/**
 * A JUnit 5 extension that starts a {@link io.logto.management.testkit.LogtoEmulator} for a test class
 * and injects it, a ready {@link io.logto.management.core.client.LogtoClient} and a typed
 * {@link io.logto.management.LogtoManagement}; and {@link io.logto.management.testkit.junit.WebhookInbox},
 * a loopback webhook endpoint that verifies deliveries and lets a test await typed events.
 */
module io.logto.management.testkit.junit {
  requires transitive io.logto.management;
  requires transitive io.logto.management.testkit;
  requires transitive io.logto.management.webhooks;
  requires jdk.httpserver;
  requires transitive org.junit.jupiter.api;

  exports io.logto.management.testkit.junit;
}

/**
 * Receives Logto's webhooks: {@link io.logto.management.webhooks.WebhookReceiver} verifies a delivery's
 * signature over its raw bytes and decodes it into a typed {@link io.logto.management.webhooks.WebhookEvent}
 * whose entity data are the records of the typed API. JDK and Jackson only.
 */
module io.logto.management.webhooks {
  requires transitive io.logto.management;

  exports io.logto.management.webhooks;
}

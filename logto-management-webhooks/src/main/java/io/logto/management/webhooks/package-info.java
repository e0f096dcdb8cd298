/**
 * Verified, typed Logto webhooks: {@link io.logto.management.webhooks.WebhookReceiver} checks the
 * {@code logto-signature-sha-256} header against the raw body and decodes the payload into one record per
 * hook event of Logto 1.42 (or {@link io.logto.management.webhooks.UnknownEvent} for an event this version
 * does not know).
 */
@NullMarked
package io.logto.management.webhooks;

import org.jspecify.annotations.NullMarked;

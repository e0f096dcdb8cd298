package io.logto.management.spring.boot.webhooks;

import java.util.List;

/**
 * Where the webhook endpoint takes the signing keys a delivery may be signed with. By default the
 * {@code logto.webhooks.signing-keys} property (and, with the emulator enabled, the key of every hook the
 * emulator has); a bean of your own replaces it, for keys kept in a vault or rotated without a restart.
 *
 * <pre>{@code
 * @Bean
 * LogtoWebhookSigningKeys signingKeysFromVault(Vault vault) {
 *   return () -> vault.read("logto/webhook-keys");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LogtoWebhookSigningKeys {
  /**
   * Returns the keys a delivery may be signed with; asked for every delivery, so a change applies to the
   * next one.
   *
   * @return one or more keys, the old and the new one while a key is rotated
   */
  List<String> signingKeys();
}

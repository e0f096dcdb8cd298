package io.logto.management.spring.boot.webhooks;

import io.logto.management.LogtoManagement;
import io.logto.management.model.Hook;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;

/**
 * With the emulator enabled: the configured keys plus the signing key of every hook the emulator has,
 * read through the typed API for each delivery, so a test can create a hook (whose key the emulator
 * draws) and receive its deliveries without knowing the key beforehand.
 */
final class EmulatorHookSigningKeys implements LogtoWebhookSigningKeys {
  private final List<String> configured;
  private final ObjectProvider<LogtoManagement> logto;

  EmulatorHookSigningKeys(List<String> configured, ObjectProvider<LogtoManagement> logto) {
    this.configured = List.copyOf(configured);
    this.logto = logto;
  }

  @Override
  public List<String> signingKeys() {
    return Stream.concat(configured.stream(), logto.getObject().hooks().listAll().stream().map(Hook::signingKey))
        .distinct().toList();
  }
}

package io.logto.management.examples.boot;

import io.logto.management.model.User;
import io.logto.management.webhooks.OrganizationMembershipUpdated;
import io.logto.management.webhooks.UnknownEvent;
import io.logto.management.webhooks.UserCreated;
import io.logto.management.webhooks.WebhookEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Application code reacting to Logto's webhooks: the starter's endpoint verified each delivery's
 * signature and publishes its typed event, so a listener names the event it wants by its record. A
 * listener of {@code WebhookEvent} gets every event; one this SDK version does not know arrives as
 * {@code UnknownEvent}, with its name and JSON.
 */
// snippet: webhooks-spring-listener
@Component
public class UserEvents {
  private static final Logger log = LoggerFactory.getLogger(UserEvents.class);

  private final Set<String> welcomed = ConcurrentHashMap.newKeySet();

  @EventListener
  public void on(UserCreated event) {
    User user = event.data();            // the same record the typed API answers with
    welcomed.add(user.id());
    log.info("welcome {} (hook {}, {})", user.id(), event.hookId(), event.createdAt());
  }

  @EventListener
  public void on(OrganizationMembershipUpdated event) {
    log.info("organization {}: {} user(s) joined, {} left", event.organizationId(), event.addedUserIds().size(),
        event.removedUserIds().size());
  }

  @EventListener
  public void on(WebhookEvent event) {   // every event, whatever its type
    if (event instanceof UnknownEvent unknown) {
      log.info("no handler for {}", unknown.event());
    }
  }

  public boolean welcomed(String userId) {
    return welcomed.contains(userId);
  }
}
// end snippet

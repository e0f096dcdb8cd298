package io.logto.management.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.model.CreateHookRequest;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.Hook;
import io.logto.management.model.HookConfig;
import io.logto.management.model.HookEvent;
import io.logto.management.model.UpdateHookRequest;
import io.logto.management.model.UpdateUserIsSuspendedRequest;
import io.logto.management.model.User;
import io.logto.management.testkit.LogtoEmulator;
import io.logto.management.testkit.WebhookDelivery;
import io.logto.management.testkit.junit.LogtoEmulatorExtension;
import io.logto.management.testkit.junit.WebhookInbox;
import io.logto.management.webhooks.UserCreated;
import io.logto.management.webhooks.UserSuspensionUpdated;
import io.logto.management.webhooks.WebhookEvent;
import io.logto.management.webhooks.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webhook examples of docs/webhooks.md, run against the emulator. */
@ExtendWith(LogtoEmulatorExtension.class)
final class WebhookEndpointTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void theJdkServerEndpointReceivesTypedEvents(LogtoManagement logto, LogtoEmulator emulator) throws Exception {
    BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>();
    String[] signingKey = new String[1];
    // first an endpoint whose receiver has a wrong key: Logto is answered 401 and records the failure
    try (WebhookEndpoint endpoint = WebhookEndpoint.start(0, WebhookReceiver.builder().signingKey("not-the-hook-key").build(),
        events::add)) {
      Hook hook = logto.hooks().create(CreateHookRequest.builder().name("example")
          .events(List.of(HookEvent.USER_CREATED))
          .config(HookConfig.builder().url(endpoint.url().toString()).build()).build());
      signingKey[0] = hook.signingKey();

      logto.users().create(CreateUserRequest.builder().username("wh_example_refused").build());
      WebhookDelivery refused = emulator.awaitWebhookDeliveries(1, WAIT).get(0);
      assertThat(refused.responseStatus()).isEqualTo(401);
      assertThat(events).isEmpty();
    }

    // then one with the hook's key, to which the hook is pointed
    try (WebhookEndpoint endpoint = WebhookEndpoint.start(0, WebhookSnippets.receiver(signingKey[0]), events::add)) {
      Hook hook = logto.hooks().list().stream().filter(h -> h.signingKey().equals(signingKey[0])).findFirst()
          .orElseThrow();
      logto.hooks().update(hook.id(), UpdateHookRequest.builder()
          .config(HookConfig.builder().url(endpoint.url().toString()).build()).build());
      emulator.clearWebhookDeliveries();

      User user = logto.users().create(CreateUserRequest.builder().username("wh_example").build());

      WebhookEvent event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(event).isInstanceOfSatisfying(UserCreated.class, created -> assertThat(created.data()).isEqualTo(user));
      assertThat(WebhookSnippets.describe(event)).startsWith("new user " + user.id());
      assertThat(emulator.awaitWebhookDeliveries(1, WAIT).get(0).responseStatus()).isEqualTo(204);

      // the same delivery, verified and decoded again by hand
      WebhookDelivery delivery = emulator.webhookDeliveries().get(0);
      byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
      WebhookReceiver receiver = WebhookSnippets.receiver(signingKey[0]);
      // the recorded delivery is as old as the emulator's clock says: inside the 10-minute window
      assertThat(WebhookSnippets.verifyAndDecode(receiver, body, delivery.signature())).isEqualTo("User.Created");
      assertThat(WebhookSnippets.verifyAndDecode(receiver, body, null)).isEqualTo("refused: SIGNATURE_MISSING");

      WebhookReceiver rotating = WebhookSnippets.rotate(logto, hook.id(), signingKey[0]);
      assertThat(WebhookSnippets.verifyAndDecode(rotating, body, delivery.signature())).isEqualTo("User.Created");
      logto.hooks().delete(hook.id());
    }
  }

  @Test
  void aTestAwaitsTheEventItsCallCaused(LogtoManagement logto) {
    // snippet: webhooks-testing
    try (WebhookInbox inbox = WebhookInbox.start()) {
      inbox.subscribe(logto, HookEvent.USER_SUSPENSION_STATUS_UPDATED);
      User user = logto.users().create(CreateUserRequest.builder().username("wh_suspended").build());

      logto.users().updateSuspension(user.id(), UpdateUserIsSuspendedRequest.builder().isSuspended(true).build());

      UserSuspensionUpdated event = inbox.await(UserSuspensionUpdated.class, Duration.ofSeconds(10));
      assertThat(event.data().id()).isEqualTo(user.id());
      assertThat(event.data().isSuspended()).isTrue();
    }
    // end snippet
  }
}

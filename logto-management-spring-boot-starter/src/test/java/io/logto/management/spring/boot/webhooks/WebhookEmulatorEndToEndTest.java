package io.logto.management.spring.boot.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.model.CreateHookRequest;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.Hook;
import io.logto.management.model.HookConfig;
import io.logto.management.model.HookEvent;
import io.logto.management.spring.boot.test.AutoConfigureLogtoEmulator;
import io.logto.management.spring.boot.test.RecordWebhookEvents;
import io.logto.management.spring.boot.test.RecordedWebhookEvents;
import io.logto.management.testkit.LogtoEmulator;
import io.logto.management.testkit.WebhookDelivery;
import io.logto.management.webhooks.UserCreated;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * What a user's test looks like: the application on a free port and the emulator, a hook created through
 * the typed API pointing at the application, a user created through the API, and the typed event the
 * application's listener received over HTTP, signed with the key the emulator drew for the hook.
 */
@SpringBootTest(classes = WebhookEmulatorEndToEndTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"logto.webhooks.enabled=true", "spring.main.web-application-type=servlet"})
@AutoConfigureLogtoEmulator
@RecordWebhookEvents
class WebhookEmulatorEndToEndTest {
  @Autowired LogtoManagement logto;
  @Autowired LogtoEmulator emulator;
  @Autowired RecordedWebhookEvents recorded;
  @Autowired Welcomer welcomer;
  @Value("${local.server.port}") int port;

  @BeforeEach
  void clear() {
    recorded.clear();
    emulator.clearWebhookDeliveries();
  }

  @Test
  void userCreatedThroughTheApiReachesTheListenerAsItsTypedEvent() {
    Hook hook = logto.hooks().create(CreateHookRequest.builder().name("this application")
        .events(List.of(HookEvent.USER_CREATED))
        .config(HookConfig.builder().url("http://127.0.0.1:" + port + "/logto/webhooks").build()).build());

    String userId = logto.users().create(CreateUserRequest.builder().username("lin").build()).id();

    UserCreated created = recorded.await(UserCreated.class, event -> event.data().id().equals(userId),
        Duration.ofSeconds(20));
    assertThat(created.data().username()).isEqualTo("lin");
    assertThat(created.hookId()).isEqualTo(hook.id());
    assertThat(welcomer.welcomed).contains(userId);
    List<WebhookDelivery> deliveries = emulator.awaitWebhookDeliveries(1, Duration.ofSeconds(20));
    assertThat(deliveries).singleElement().satisfies(delivery -> {
      assertThat(delivery.event()).isEqualTo("User.Created");
      assertThat(delivery.responseStatus()).isEqualTo(204);
    });
  }

  @Test
  void awaitNamesWhatCameWhenTheEventDoesNot() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> recorded.await(UserCreated.class, Duration.ZERO))
        .isInstanceOf(AssertionError.class).hasMessage("No UserCreated webhook event within PT0S; recorded: []");
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {
    @Bean
    Welcomer welcomer() {
      return new Welcomer();
    }
  }

  static final class Welcomer {
    final List<String> welcomed = new CopyOnWriteArrayList<>();

    @EventListener
    void on(UserCreated event) {
      welcomed.add(event.data().id());
    }
  }
}

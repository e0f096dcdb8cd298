package io.logto.management.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.model.CreateHookRequest;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.HookConfig;
import io.logto.management.model.HookEvent;
import io.logto.management.spring.boot.test.AutoConfigureLogtoEmulator;
import io.logto.management.spring.boot.test.RecordWebhookEvents;
import io.logto.management.spring.boot.test.RecordedWebhookEvents;
import io.logto.management.webhooks.UserCreated;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Webhooks end to end: the application on a free port, a hook on the emulator pointing at it, a user
 * created through the API, and the listener's work checked once the signed delivery was handled.
 */
// snippet: webhooks-spring-test
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureLogtoEmulator
@RecordWebhookEvents
class UserEventsTest {
  @Autowired LogtoManagement logto;
  @Autowired RecordedWebhookEvents recorded;
  @Autowired UserEvents userEvents;
  @Value("${local.server.port}") int port;

  @Test
  void welcomesAUserCreatedThroughTheApi() {
    logto.hooks().create(CreateHookRequest.builder().name("this application")
        .events(List.of(HookEvent.USER_CREATED))
        .config(HookConfig.builder().url("http://127.0.0.1:" + port + "/logto/webhooks").build())
        .build());

    String userId = logto.users().create(CreateUserRequest.builder().username("grace").build()).id();

    UserCreated created = recorded.await(UserCreated.class, event -> event.data().id().equals(userId),
        Duration.ofSeconds(10));
    assertThat(created.data().username()).isEqualTo("grace");
    assertThat(userEvents.welcomed(userId)).isTrue();
  }
}
// end snippet

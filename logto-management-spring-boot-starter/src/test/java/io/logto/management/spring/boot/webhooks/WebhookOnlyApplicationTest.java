package io.logto.management.spring.boot.webhooks;

import static io.logto.management.spring.boot.webhooks.SignedDeliveries.post;
import static io.logto.management.spring.boot.webhooks.SignedDeliveries.sign;
import static io.logto.management.spring.boot.webhooks.SignedDeliveries.userCreated;
import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.spring.boot.LogtoClientBuilderCustomizer;
import io.logto.management.spring.boot.LogtoConnectionDetails;
import io.logto.management.spring.boot.LogtoEmulatorAutoConfiguration;
import io.logto.management.spring.boot.LogtoManagementAutoConfiguration;
import io.logto.management.spring.boot.LogtoObservationAutoConfiguration;
import io.logto.management.spring.boot.LogtoPropertyException;
import io.logto.management.spring.boot.health.LogtoHealthAutoConfiguration;
import io.logto.management.webhooks.UserCreated;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.function.RouterFunction;

/**
 * An application that only receives webhooks needs no {@code logto.management.*}: the client and what
 * hangs on it are left out; one that sets any connection property gets the client as before.
 */
final class WebhookOnlyApplicationTest {
  private static final String KEY = "webhook-only-signing-key-Vb53";

  private final WebApplicationContextRunner starter = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(LogtoEmulatorAutoConfiguration.class,
          LogtoManagementAutoConfiguration.class, LogtoObservationAutoConfiguration.class,
          LogtoHealthAutoConfiguration.class, LogtoWebhooksAutoConfiguration.class))
      .withBean(ObservationRegistry.class, ObservationRegistry::create)
      .withPropertyValues("management.health.logto.enabled=true");

  @Test
  void webhookOnlyStartsWithoutTheClientAndWhatDependsOnIt() {
    starter.withPropertyValues("logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY)
        .run(context -> assertThat(context).hasNotFailed()
            .hasSingleBean(WebhookEndpoint.class).hasSingleBean(RouterFunction.class)
            .doesNotHaveBean(LogtoClient.class).doesNotHaveBean(LogtoManagement.class)
            .doesNotHaveBean(LogtoClientBuilderCustomizer.class)
            .doesNotHaveBean("logtoHealthIndicator"));
  }

  @Test
  void managementOnlyIsUnchanged() {
    starter.withPropertyValues("logto.management.tenant-id=t", "logto.management.client-id=app",
        "logto.management.client-secret=s")
        .run(context -> assertThat(context).hasNotFailed()
            .hasSingleBean(LogtoClient.class).hasSingleBean(LogtoManagement.class)
            .hasSingleBean(LogtoClientBuilderCustomizer.class).hasBean("logtoHealthIndicator")
            .doesNotHaveBean(WebhookEndpoint.class));
    // no property at all, no webhooks: start-up still names what to set
    starter.run(context -> assertThat(context).getFailure().rootCause()
        .isInstanceOf(LogtoPropertyException.class).hasMessageStartingWith("logto.management.tenant-id"));
  }

  @Test
  void webhookApplicationsOwnClientStillGetsTheTypedApi() {
    starter.withPropertyValues("logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY)
        .withBean(LogtoClient.class, () -> LogtoClient.builder().baseUrl("http://127.0.0.1:9")
            .clientId("own-app").clientSecret("own-secret").build())
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(LogtoClient.class).hasSingleBean(LogtoManagement.class)
              .hasBean("logtoHealthIndicator").hasSingleBean(WebhookEndpoint.class);
          assertThat(context.getBean(LogtoClient.class).baseUrl()).hasToString("http://127.0.0.1:9");
        });
  }

  @Test
  void webhookApplicationsOwnConnectionDetailsStillGetTheClient() {
    starter.withPropertyValues("logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY)
        .withBean(LogtoConnectionDetails.class, () -> builder -> builder.baseUrl("http://127.0.0.1:9")
            .clientId("vault-app").clientSecret("vault-secret"))
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(LogtoClient.class).hasSingleBean(LogtoManagement.class)
              .hasSingleBean(WebhookEndpoint.class);
          assertThat(context.getBean(LogtoClient.class).baseUrl()).hasToString("http://127.0.0.1:9");
        });
  }

  @Test
  void bothGetTheClientAndTheEndpoint() {
    starter.withPropertyValues("logto.management.tenant-id=t", "logto.management.client-id=app",
        "logto.management.client-secret=s", "logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY)
        .run(context -> assertThat(context).hasNotFailed()
            .hasSingleBean(LogtoClient.class).hasSingleBean(LogtoManagement.class)
            .hasSingleBean(LogtoClientBuilderCustomizer.class).hasBean("logtoHealthIndicator")
            .hasSingleBean(WebhookEndpoint.class));
  }

  @Test
  void anyConnectionPropertyInAnySpellingStillAsksForTheRest() {
    for (String property : List.of("logto.management.client-id=app", "logto.management.clientSecret=s",
        "logto.management.apiIndicator=https://x.example/api")) {
      starter.withPropertyValues("logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY, property)
          .run(context -> assertThat(context).as(property).getFailure().rootCause()
              .isInstanceOf(LogtoPropertyException.class)
              .hasMessageStartingWith("logto.management.tenant-id (Logto Cloud) or logto.management.endpoint"));
    }
    starter.withPropertyValues("logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY,
        "logto.management.tenant-id=t", "logto.management.client-secret=s")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessage("logto.management.client-id must be set"));
  }

  @Test
  void webhookOnlyApplicationAnswersSignedDeliveries() throws Exception {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class).properties(
        "spring.main.web-application-type=servlet", "spring.main.banner-mode=off", "server.port=0",
        "logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY).run()) {
      int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
      byte[] body = userCreated("user-webhook-only", "grace", Instant.now());

      int status = post(URI.create("http://127.0.0.1:" + port + "/logto/webhooks"), body, sign(body, KEY))
          .statusCode();

      assertThat(status).isEqualTo(204);
      assertThat(context.getBean(Received.class).users).containsExactly("user-webhook-only");
      assertThat(context.getBeanProvider(LogtoClient.class).getIfAvailable()).isNull();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {
    @Bean
    Received received() {
      return new Received();
    }
  }

  static final class Received {
    final List<String> users = new CopyOnWriteArrayList<>();

    @EventListener
    void on(UserCreated event) {
      users.add(event.data().id());
    }
  }
}

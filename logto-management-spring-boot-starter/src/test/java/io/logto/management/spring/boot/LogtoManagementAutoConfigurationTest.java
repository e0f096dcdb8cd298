package io.logto.management.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

final class LogtoManagementAutoConfigurationTest {
  private static final String SECRET = "s3cret-value-never-shown";

  @Test
  void buildsTheClientAndTheTypedApiFromTheTenantId() {
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.tenant-id=my-tenant", "logto.management.client-id=app",
            "logto.management.client-secret=" + SECRET)
        .run(context -> {
          LogtoClient client = context.getBean(LogtoClient.class);
          assertThat(client.baseUrl()).isEqualTo(URI.create("https://my-tenant.logto.app"));
          assertThat(client.requestTimeout()).contains(Duration.ofSeconds(10));
          assertThat(client.retryPolicy()).isEqualTo(RetryPolicy.defaults());
          assertThat(context.getBean(LogtoManagement.class).client()).isSameAs(client);
        });
  }

  @Test
  void appliesTheEndpointTimeoutsAndRetries() {
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.endpoint=https://auth.example.com/",
            "logto.management.client-id=app", "logto.management.client-secret=" + SECRET,
            "logto.management.request-timeout=3s", "logto.management.token-timeout=2s",
            "logto.management.max-retries=5")
        .run(context -> {
          LogtoClient client = context.getBean(LogtoClient.class);
          assertThat(client.baseUrl()).isEqualTo(URI.create("https://auth.example.com"));
          assertThat(client.requestTimeout()).contains(Duration.ofSeconds(3));
          assertThat(client.retryPolicy().maxRetries()).isEqualTo(5);
        });
  }

  @Test
  void zeroDisablesTheRequestTimeoutAndTheRetries() {
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.tenant-id=t", "logto.management.client-id=app",
            "logto.management.client-secret=" + SECRET, "logto.management.request-timeout=0",
            "logto.management.max-retries=0")
        .run(context -> {
          LogtoClient client = context.getBean(LogtoClient.class);
          assertThat(client.requestTimeout()).isEqualTo(Optional.empty());
          assertThat(client.retryPolicy()).isEqualTo(RetryPolicy.none());
        });
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnBeans() {
    LogtoAutoConfigurations.runner()
        .withUserConfiguration(OwnBeans.class)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(LogtoClient.class)).isSameAs(OwnBeans.CLIENT);
          assertThat(context.getBean(LogtoManagement.class)).isSameAs(OwnBeans.MANAGEMENT);
        });
  }

  @Test
  void appliesEveryCustomizerInOrderAfterTheProperties() {
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.tenant-id=t", "logto.management.client-id=app",
            "logto.management.client-secret=" + SECRET, "logto.management.max-retries=4")
        .withUserConfiguration(Customizers.class)
        .run(context -> {
          assertThat(context.getBean(Customizers.class).applied).containsExactly("first", "second");
          // the second customizer saw the properties' policy and replaced it
          assertThat(context.getBean(LogtoClient.class).retryPolicy().maxRetries()).isEqualTo(7);
        });
  }

  @Test
  void failsNamingTheMissingEndpointProperty() {
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.client-id=app", "logto.management.client-secret=" + SECRET)
        .run(context -> assertThat(context).getFailure()
            .rootCause().isInstanceOf(LogtoPropertyException.class)
            .hasMessage("logto.management.tenant-id (Logto Cloud) or logto.management.endpoint "
                + "(self-hosted Logto) must be set"));
  }

  @Test
  void failsNamingTheMissingCredentialWithoutShowingTheSecret() {
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.tenant-id=t", "logto.management.client-secret=" + SECRET)
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessage("logto.management.client-id must be set").hasMessageNotContaining(SECRET));
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.tenant-id=t", "logto.management.client-id=app",
            "logto.management.client-secret=  ")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessage("logto.management.client-secret must be set"));
  }

  @Test
  void failsNamingTheInvalidProperty() {
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.tenant-id=not a host", "logto.management.client-id=app",
            "logto.management.client-secret=" + SECRET)
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageStartingWith("logto.management.tenant-id is invalid: ")
            .hasMessageContaining("not a host").hasMessageNotContaining(SECRET));
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.tenant-id=t", "logto.management.client-id=app",
            "logto.management.client-secret=" + SECRET, "logto.management.max-retries=-1")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessage("logto.management.max-retries must not be negative: -1"));
  }

  @Test
  void propertiesNeverShowTheSecret() {
    LogtoAutoConfigurations.runner()
        .withPropertyValues("logto.management.tenant-id=t", "logto.management.client-id=app",
            "logto.management.client-secret=" + SECRET)
        .run(context -> assertThat(context.getBean(LogtoManagementProperties.class).toString())
            .contains("clientId=app", "clientSecret=******").doesNotContain(SECRET));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    static final LogtoClient CLIENT = LogtoClient.builder().baseUrl("http://127.0.0.1:1")
        .clientId("own").clientSecret("own-secret").build();
    static final LogtoManagement MANAGEMENT = LogtoManagement.of(CLIENT);

    @Bean
    LogtoClient ownClient() {
      return CLIENT;
    }

    @Bean
    LogtoManagement ownManagement() {
      return MANAGEMENT;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Customizers {
    final List<String> applied = new ArrayList<>();

    @Bean
    @Order(2)
    LogtoClientBuilderCustomizer second() {
      return builder -> {
        applied.add("second");
        builder.retryPolicy(RetryPolicy.defaults().withMaxRetries(7));
      };
    }

    @Bean
    @Order(1)
    LogtoClientBuilderCustomizer first() {
      return builder -> applied.add("first");
    }
  }
}

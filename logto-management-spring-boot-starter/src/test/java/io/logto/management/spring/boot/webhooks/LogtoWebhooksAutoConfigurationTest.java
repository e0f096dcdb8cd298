package io.logto.management.spring.boot.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.management.spring.boot.LogtoPropertyException;
import io.logto.management.webhooks.WebhookReceiver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;

/** When the endpoint is registered, and what start-up says when it is enabled but not configured. */
@ExtendWith(OutputCaptureExtension.class)
final class LogtoWebhooksAutoConfigurationTest {
  private static final String KEY = "signing-key-never-shown-Kx81";

  private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(LogtoWebhooksAutoConfiguration.class));

  @Test
  void enabledRegistersTheRouteWithTheConfiguredKeys() {
    servlet.withPropertyValues("logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY + ",second")
        .run(context -> {
          assertThat(context).hasSingleBean(RouterFunction.class).hasSingleBean(WebhookEndpoint.class);
          assertThat(context.getBean(LogtoWebhookSigningKeys.class).signingKeys()).containsExactly(KEY, "second");
          assertThat(context.getBean(RouterFunction.class).toString()).contains("/logto/webhooks");
        });
  }

  @Test
  void disabledByDefault() {
    servlet.withPropertyValues("logto.webhooks.signing-keys=" + KEY)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class)
            .doesNotHaveBean(WebhookEndpoint.class).doesNotHaveBean(LogtoWebhooksProperties.class));
  }

  @Test
  void nothingWithoutTheWebhooksModuleEvenWhenEnabled() {
    servlet.withClassLoader(new FilteredClassLoader(WebhookReceiver.class))
        .withPropertyValues("logto.webhooks.enabled=true")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class)
            .doesNotHaveBean(WebhookEndpoint.class));
  }

  @Test
  void noRouteOutsideAWebApplication() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LogtoWebhooksAutoConfiguration.class))
        .withPropertyValues("logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class));
  }

  @Test
  void enabledWithoutKeysFailsNamingTheProperty() {
    servlet.withPropertyValues("logto.webhooks.enabled=true")
        .run(context -> assertThat(context).getFailure().rootCause()
            .isInstanceOf(LogtoPropertyException.class)
            .hasMessage("logto.webhooks.signing-keys must be set when logto.webhooks.enabled is true"));
  }

  @Test
  void blankKeyFailsNamingItsIndexWithoutShowingTheOthers() {
    servlet.withPropertyValues("logto.webhooks.enabled=true", "logto.webhooks.signing-keys[0]=" + KEY,
        "logto.webhooks.signing-keys[1]=  ")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessage("logto.webhooks.signing-keys has a blank key at index 1 (of 2)")
            .hasMessageNotContaining(KEY));
  }

  @Test
  void wrongSettingsFailNamingTheProperty() {
    servlet.withPropertyValues("logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY,
        "logto.webhooks.path=logto/webhooks")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessage("logto.webhooks.path must start with '/': logto/webhooks"));
    servlet.withPropertyValues("logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY,
        "logto.webhooks.replay-window=-1s")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessage("logto.webhooks.replay-window must be positive: PT-1S"));
  }

  @Test
  void applicationsOwnKeySourceNeedsNoKeyProperty() {
    servlet.withPropertyValues("logto.webhooks.enabled=true").withUserConfiguration(VaultKeys.class)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(RouterFunction.class);
          assertThat(context.getBean(LogtoWebhookSigningKeys.class).signingKeys()).containsExactly("from-vault");
        });
  }

  @Test
  void propertiesNeverShowTheKeys() {
    servlet.withPropertyValues("logto.webhooks.enabled=true", "logto.webhooks.signing-keys=" + KEY + ",second")
        .run(context -> assertThat(context.getBean(LogtoWebhooksProperties.class).toString())
            .contains("signingKeys=[******, ******]", "path=/logto/webhooks", "maxBodySize=1048576B")
            .doesNotContain(KEY).doesNotContain("second"));
  }

  @Test
  void startUpReportSaysWhichPropertyToSetAndWhereTheKeyComesFrom(CapturedOutput output) {
    SpringApplication application = new SpringApplication(App.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    assertThatThrownBy(() -> application.run("--logto.webhooks.enabled=true", "--spring.main.banner-mode=off"))
        .hasRootCauseInstanceOf(LogtoPropertyException.class);
    assertThat(output.toString())
        .contains("APPLICATION FAILED TO START")
        .contains("The Logto webhook endpoint is not configured: logto.webhooks.signing-keys must be set when "
            + "logto.webhooks.enabled is true.")
        .contains("Set logto.webhooks.signing-keys in application.properties or as the environment variable "
            + "LOGTO_WEBHOOKS_SIGNING_KEYS to the signing key of each hook")
        .contains("or set logto.webhooks.enabled=false");
  }

  @Test
  void startUpReportOnABlankKeyNeverShowsTheOtherKeys(CapturedOutput output) {
    SpringApplication application = new SpringApplication(App.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    assertThatThrownBy(() -> application.run("--logto.webhooks.enabled=true",
        "--logto.webhooks.signing-keys[0]=" + KEY, "--logto.webhooks.signing-keys[1]=",
        "--spring.main.banner-mode=off"))
        .hasRootCauseInstanceOf(LogtoPropertyException.class);
    assertThat(output.toString()).contains("APPLICATION FAILED TO START")
        .contains("logto.webhooks.signing-keys has a blank key at index 1 (of 2)").doesNotContain(KEY);
  }

  @Configuration(proxyBeanMethods = false)
  static class VaultKeys {
    @Bean
    LogtoWebhookSigningKeys vaultKeys() {
      return () -> List.of("from-vault");
    }
  }

  // every auto-configuration: without logto.management.* the client is left out of a webhook application
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}
}

package io.logto.management.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
final class LogtoPropertyFailureAnalyzerTest {
  private static final String SECRET = "s3cret-value-never-shown";

  @Test
  void startUpReportNamesTheMissingPropertyAndItsEnvironmentVariable(CapturedOutput output) {
    SpringApplication application = new SpringApplication(App.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    assertThatThrownBy(() -> application.run("--logto.management.tenant-id=t",
        "--logto.management.client-secret=" + SECRET, "--spring.main.banner-mode=off"))
        .hasRootCauseInstanceOf(LogtoPropertyException.class);
    assertThat(output.toString())
        .contains("APPLICATION FAILED TO START")
        .contains("The Logto Management API client is not configured: logto.management.client-id must be set.")
        .contains("Set logto.management.client-id in application.properties or as the environment variable "
            + "LOGTO_MANAGEMENT_CLIENT_ID")
        .doesNotContain(SECRET);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}
}

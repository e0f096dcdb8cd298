package io.logto.management.examples.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application on the starter: {@link Onboarding} gets {@code LogtoManagement} injected,
 * the runner onboards a user, then shows the {@code logto} health and the request timers. Runs on the
 * in-process emulator (application.properties); set the {@code LOGTO_MANAGEMENT_*} variables for a
 * real Logto.
 */
@SpringBootApplication
public class OnboardingApplication {
  public static void main(String[] args) {
    SpringApplication.run(OnboardingApplication.class, args).close();
  }

  @Bean
  ApplicationRunner onboardAda(Onboarding onboarding, HealthEndpoint health, MeterRegistry meters) {
    return args -> {
      String userId = onboarding.onboard("ada", "ada@example.com");
      System.out.println("onboarded ada as " + userId + " with roles " + onboarding.roleNamesOf(userId));
      System.out.println("logto health: " + health.healthForPath("logto").getStatus());
      for (Timer timer : meters.find("logto.management.request").timers()) {
        System.out.printf("%s %s %s -> %s: %d request(s)%n", timer.getId().getTag("kind"),
            timer.getId().getTag("method"), timer.getId().getTag("uri"), timer.getId().getTag("status"),
            timer.count());
      }
    };
  }
}

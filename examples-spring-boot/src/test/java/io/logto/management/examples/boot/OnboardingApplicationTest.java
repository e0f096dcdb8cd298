package io.logto.management.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.spring.boot.test.AutoConfigureLogtoEmulator;
import io.logto.management.testkit.LogtoEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;

/** The application as it starts: the runner onboarded ada on the emulator, and Logto is healthy. */
@SpringBootTest
@AutoConfigureLogtoEmulator
class OnboardingApplicationTest {
  @Autowired Onboarding onboarding;
  @Autowired LogtoManagement logto;
  @Autowired LogtoEmulator emulator;
  @Autowired HealthEndpoint health;

  @Test
  void runnerOnboardedAdaWithTheMemberRole() {
    var ada = logto.users().listAll().stream().filter(user -> "ada".equals(user.username())).findFirst().orElseThrow();

    assertThat(onboarding.roleNamesOf(ada.id())).containsExactly("member");
  }

  @Test
  void secondUserReusesTheMemberRole() {
    String grace = onboarding.onboard("grace", "grace@example.com");

    assertThat(onboarding.roleNamesOf(grace)).containsExactly("member");
    assertThat(emulator.requestCount("CreateRole")).isEqualTo(1);
  }

  @Test
  void logtoHealthIsUp() {
    assertThat(health.healthForPath("logto").getStatus()).isEqualTo(Status.UP);
  }
}

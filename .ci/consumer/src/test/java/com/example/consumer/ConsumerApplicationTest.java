package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.spring.boot.test.AutoConfigureLogtoEmulator;
import io.logto.management.testkit.LogtoEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "management.health.logto.enabled=true")
@AutoConfigureLogtoEmulator
class ConsumerApplicationTest {
  @Autowired ConsumerApplication.SignUp signUp;
  @Autowired LogtoManagement logto;
  @Autowired LogtoEmulator emulator;
  @Autowired HealthIndicator logtoHealthIndicator;

  @Test
  void signsUpOnTheEmulator() {
    String id = signUp.signUp("alice");

    assertThat(logto.users().get(id).username()).isEqualTo("alice");
    assertThat(emulator.requestCount("CreateUser")).isEqualTo(1);
    assertThat(logtoHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
  }
}

package io.logto.management.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.spring.boot.test.AutoConfigureLogtoEmulator;
import io.logto.management.testkit.LogtoEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

/** What a user's test looks like: no Logto server, no connection properties. */
@SpringBootTest(classes = AutoConfigureLogtoEmulatorTest.App.class)
@AutoConfigureLogtoEmulator
class AutoConfigureLogtoEmulatorTest {
  @Autowired LogtoManagement logto;
  @Autowired LogtoEmulator emulator;

  @Test
  void springBootTestRunsOnTheEmulator() {
    var created = logto.users().create(CreateUserRequest.builder().username("alice").build());

    assertThat(logto.users().get(created.id()).username()).isEqualTo("alice");
    assertThat(emulator.requestCount("CreateUser")).isEqualTo(1);
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}
}

package io.logto.management.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.spring.boot.test.AutoConfigureLogtoEmulator;
import io.logto.management.testkit.LogtoEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// snippet: spring-boot-test
@SpringBootTest
@AutoConfigureLogtoEmulator
class SignUpTest {
  @Autowired SignUp signUp;
  @Autowired LogtoEmulator emulator;      // count requests, inject faults

  @Test
  void createsTheUser() {
    signUp.signUp("alice");
    assertThat(emulator.requestCount("CreateUser")).isEqualTo(1);
  }
}
// end snippet

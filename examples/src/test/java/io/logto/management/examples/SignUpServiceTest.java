package io.logto.management.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.model.ListUsersParams;
import io.logto.management.testkit.LogtoEmulator;
import io.logto.management.testkit.junit.LogtoEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// snippet: testing-junit
@ExtendWith(LogtoEmulatorExtension.class)
final class SignUpServiceTest {
  @Test
  void createsTheUser(LogtoManagement logto, LogtoEmulator emulator) {
    new SignUpService(logto).signUp("alice");
    assertThat(logto.users().list(ListUsersParams.builder().searchParam("search", "%alice%").build())).hasSize(1);
    assertThat(emulator.requestCount("CreateUser")).isEqualTo(1);
  }
}
// end snippet

package io.logto.management.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testkit.LogtoEmulator;
import io.logto.management.testkit.junit.LogtoEmulatorExtension;
import org.junit.jupiter.api.Test;

/** docs/testing.md's emulator for any other framework: started and closed by the test itself. */
final class EmulatorWithoutJUnitTest {
  @Test
  void theTestStartsAndClosesTheEmulator() {
    long created;
    // snippet: testing-without-junit
    try (LogtoEmulator emulator = LogtoEmulator.start()) {
      LogtoClient client = LogtoEmulatorExtension.clientFor(emulator).build();
      new SignUpService(LogtoManagement.of(client)).signUp("alice");
      created = emulator.requestCount("CreateUser");
    }
    // end snippet
    assertThat(created).isEqualTo(1);
  }
}

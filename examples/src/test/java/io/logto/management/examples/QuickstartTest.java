package io.logto.management.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.management.LogtoManagement;
import io.logto.management.testkit.LogtoEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class QuickstartTest {
  @Test
  void runsTheWholeTourAgainstTheEmbeddedEmulator() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    try (Connection connection = Connection.fromEnvironment(Map.of(), out)) {
      new Quickstart(LogtoManagement.of(connection.client()), out).run();
    }

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("running against the embedded Logto emulator")
        .contains("Created user quickstart_")
        .contains("Renamed the user to \"Quickstart User, renamed\"")
        .contains("the user now has 1 role(s)")
        .contains("with 1 member(s)")
        .contains("Paged through all 1 user(s), 2 per page, in 1 page(s)")
        .contains("the user now answers 404 entity.not_found");
  }

  @Test
  void pagesThroughEveryUserOfALargerTenant() {
    try (LogtoEmulator emulator = LogtoEmulator.start()) {
      LogtoManagement logto = LogtoManagement.of(Connection.clientFor(emulator));
      for (int i = 0; i < 4; i++) {
        logto.users().create(io.logto.management.model.CreateUserRequest.builder().username("existing_" + i).build());
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();

      new Quickstart(logto, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();

      // the 4 users plus the quickstart's own, 2 per page
      assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Paged through all 5 user(s), 2 per page, in 3 page(s)");
      assertThat(emulator.requestCount("ListUsers")).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void refusesAPartialConfigurationNamingTheMissingVariable() {
    Map<String, String> env = Map.of("LOGTO_ENDPOINT", "https://auth.example.com", "LOGTO_CLIENT_SECRET", "s3cr3t-value");

    assertThatThrownBy(() -> Connection.fromEnvironment(env, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LOGTO_CLIENT_ID")
        .hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void theTypedApiGuidesTourRunsAsWritten() {
    try (LogtoEmulator emulator = LogtoEmulator.start()) {
      LogtoManagement logto = LogtoManagement.of(Connection.clientFor(emulator));

      TypedApiTour.Outcome outcome = TypedApiTour.run(logto);

      assertThat(outcome.found()).extracting(u -> u.username()).containsExactly("alice");
      assertThat(outcome.found().get(0).name()).isEqualTo("Alice");
      assertThat(outcome.found().get(0).avatar()).isNull();
      assertThat(outcome.app().type()).isEqualTo(io.logto.management.model.ApplicationType.MACHINE_TO_MACHINE);
      assertThat(emulator.requestCount("AssignUserRoles")).isEqualTo(1);
      assertThat(emulator.requestCount("AddOrganizationUsers")).isEqualTo(1);
      assertThat(emulator.requestCount("DeleteUser")).isEqualTo(1);
    }
  }
}

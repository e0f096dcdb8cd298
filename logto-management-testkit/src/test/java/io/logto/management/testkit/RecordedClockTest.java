package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RecordedClockTest {
  private static final Instant CREATED = Instant.parse("2026-11-30T06:49:49.180Z");
  private static final Instant UPDATED = Instant.parse("2026-11-30T06:50:01.500Z");

  @TempDir
  Path folder;

  @Test
  void eachExchangeRunsAtTheLatestWriteTimeRecordedUpToIt() throws IOException {
    write("0001-OidcToken.json", "{\"access_token\":\"x\",\"expires_in\":3600}");
    write("0002-CreateUser.json", "{\"id\":\"u1\",\"createdAt\":" + CREATED.toEpochMilli() + "}");
    // a date ahead of the session (an invitation's expiry) is not the server's time
    write("0003-CreateInvitation.json", "{\"expiresAt\":" + CREATED.plusSeconds(86_400).toEpochMilli()
        + ",\"items\":[{\"updatedAt\":\"" + UPDATED + "\"}]}");
    // an older row listed later does not move the session back
    write("0004-ListUsers.json", "[{\"createdAt\":" + CREATED.minusSeconds(600).toEpochMilli() + "}]");

    RecordedClock clock = RecordedClock.of(folder);

    assertThat(clock.recordedTime("0001-OidcToken.json")).isEqualTo(CREATED);
    assertThat(clock.recordedTime("0002-CreateUser.json")).isEqualTo(CREATED);
    assertThat(clock.recordedTime("0003-CreateInvitation.json")).isEqualTo(UPDATED);
    assertThat(clock.recordedTime("0004-ListUsers.json")).isEqualTo(UPDATED);
    assertThat(clock.instant()).isBetween(CREATED, CREATED.plusSeconds(600));
  }

  @Test
  void runsForwardFromEachStepAndNeverBack() throws IOException {
    write("0001-CreateUser.json", "{\"createdAt\":" + CREATED.toEpochMilli() + "}");
    write("0002-UpdateUser.json", "{\"updatedAt\":" + UPDATED.toEpochMilli() + "}");
    RecordedClock clock = RecordedClock.of(folder);

    clock.step("0002-UpdateUser.json");
    Instant afterStep = clock.instant();
    clock.step("0001-CreateUser.json");

    assertThat(afterStep).isBetween(UPDATED, UPDATED.plusSeconds(600));
    assertThat(clock.instant()).isAfterOrEqualTo(afterStep);
    assertThatThrownBy(() -> clock.step("0099-Other.json")).hasMessageContaining("0099-Other.json");
  }

  @Test
  void aSessionWithoutAnyTimeIsRefusedByName() throws IOException {
    write("0001-OidcToken.json", "{\"access_token\":\"x\"}");

    assertThatThrownBy(() -> RecordedClock.of(folder)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(folder.toString());
  }

  private void write(String name, String responseBody) throws IOException {
    Files.writeString(folder.resolve(name), "{\"name\":\"" + name + "\",\"request\":{},\"response\":{\"status\":200,"
        + "\"headers\":[],\"body\":" + responseBody + "}}", StandardCharsets.UTF_8);
  }
}

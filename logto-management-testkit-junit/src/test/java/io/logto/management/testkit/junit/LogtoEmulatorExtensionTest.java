package io.logto.management.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.LogtoNotFoundException;
import io.logto.management.core.LogtoTransportException;
import io.logto.management.core.JsonField;
import io.logto.management.model.CreateHookRequest;
import io.logto.management.model.HookConfig;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.HookEvent;
import io.logto.management.model.UpdateHookRequest;
import java.util.List;
import io.logto.management.testkit.LogtoEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LogtoEmulatorExtension.class)
final class LogtoEmulatorExtensionTest {
  private final LogtoEmulator emulator;

  LogtoEmulatorExtensionTest(LogtoEmulator emulator) {
    this.emulator = emulator;
  }

  @Test
  void injectsAClientThatTalksToTheEmulator(LogtoManagement logto) {
    long createsBefore = emulator.requestCount("CreateUser");

    var created = logto.users().create(CreateUserRequest.builder().username("ext_alice").build());
    var read = logto.users().get(created.id());

    assertThat(read.username()).isEqualTo("ext_alice");
    assertThat(emulator.requestCount("CreateUser")).isEqualTo(createsBefore + 1);
    assertThat(emulator.requestCount("GetUser")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void injectsTheSameEmulatorIntoEveryParameter(LogtoEmulator parameter, LogtoClient client) {
    assertThat(parameter).isSameAs(emulator);
    assertThat(client.baseUrl()).isEqualTo(emulator.baseUrl());
  }

  @Test
  void surfacesTheEmulatorsErrorsAsTypedExceptions(LogtoManagement logto) {
    assertThatThrownBy(() -> logto.users().get("no-such-user"))
        .isInstanceOf(LogtoNotFoundException.class)
        .satisfies(e -> assertThat(((LogtoNotFoundException) e).code()).contains("entity.not_found"));
  }

  @Test
  void retriesAGetWhoseConnectionDropsMidResponseButNotACreate(LogtoManagement logto) {
    var created = logto.users().create(CreateUserRequest.builder().username("ext_carol").build());
    long getsBefore = emulator.requestCount("GetUser");
    long createsBefore = emulator.requestCount("CreateUser");

    emulator.faults().dropNextConnections(1);
    assertThat(logto.users().get(created.id()).username()).isEqualTo("ext_carol");
    assertThat(emulator.requestCount("GetUser")).isEqualTo(getsBefore + 2);

    emulator.faults().dropNextConnections(1);
    assertThatThrownBy(() -> logto.users().create(CreateUserRequest.builder().username("ext_dave").build()))
        .isInstanceOf(LogtoTransportException.class);
    assertThat(emulator.requestCount("CreateUser")).isEqualTo(createsBefore + 1);
  }

  @Test
  void renewsTheTokenWhenTheEmulatorExpiresIt(LogtoManagement logto) {
    var created = logto.users().create(CreateUserRequest.builder().username("ext_bob").build());
    long tokensBefore = emulator.tokenRequestCount();

    emulator.expireAllTokens();
    var read = logto.users().get(created.id());

    assertThat(read.id()).isEqualTo(created.id());
    assertThat(emulator.tokenRequestCount()).isEqualTo(tokensBefore + 1);
  }

  @Test
  void webhooksRoundTripThroughTheTypedApi(LogtoManagement logto) {
    var created = logto.hooks().create(CreateHookRequest.builder()
        .name("sync")
        .events(List.of(HookEvent.USER_CREATED, HookEvent.ORGANIZATION_CREATED))
        .config(HookConfig.builder().url("https://hooks.example/in").build())
        .build());
    assertThat(created.events()).containsExactly(HookEvent.USER_CREATED, HookEvent.ORGANIZATION_CREATED);
    assertThat(created.enabled()).isTrue();

    var updated = logto.hooks().update(created.id(), UpdateHookRequest.builder()
        .enabled(false).event(JsonField.ofNull()).build());
    assertThat(updated.enabled()).isFalse();
    assertThat(logto.hooks().list()).extracting(h -> h.id()).contains(created.id());
    assertThat(logto.hooks().updateSigningKey(created.id()).signingKey()).isNotEqualTo(created.signingKey());

    logto.hooks().delete(created.id());
    assertThatThrownBy(() -> logto.hooks().get(created.id())).isInstanceOf(LogtoNotFoundException.class);
  }
}

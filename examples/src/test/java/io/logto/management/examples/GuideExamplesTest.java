package io.logto.management.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.model.ApplicationType;
import io.logto.management.model.CreateApplicationRequest;
import io.logto.management.model.CreateOrganizationRequest;
import io.logto.management.model.CreateRoleRequest;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.ListUsersParams;
import io.logto.management.model.UserIds;
import io.logto.management.testkit.LogtoEmulator;
import io.logto.management.testkit.junit.LogtoEmulatorExtension;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs the code the README and the guides show (docs/*.md) against the emulator, as written. */
@ExtendWith(LogtoEmulatorExtension.class)
final class GuideExamplesTest {
  @Test
  void readmeTourCreatesListsAndDeletes(LogtoManagement logto, LogtoEmulator emulator) {
    emulator.resetRequestCounts();

    ReadmeTour.run(logto);

    assertThat(emulator.requestCount("CreateUser")).isEqualTo(1);
    assertThat(emulator.requestCount("AssignUserRoles")).isEqualTo(1);
    assertThat(emulator.requestCount("ListUsers")).isEqualTo(2);
    assertThat(emulator.requestCount("DeleteUser")).isEqualTo(1);
    assertThat(emulator.requestCount("GetUser")).isEqualTo(1);   // the 404 the tour catches
    assertThat(logto.users().list(ListUsersParams.builder().searchParam("search", "%alice%").build())).isEmpty();
  }

  @Test
  void connectingBuildsEachClientWithoutSendingAnything() {
    try (LogtoClient cloud = ConnectingExamples.cloud().client();
        LogtoClient selfHosted = ConnectingExamples.selfHosted();
        LogtoClient patient = ConnectingExamples.variant(selfHosted);
        LogtoClient own = ConnectingExamples.ownTokens(() -> "a-token")) {
      assertThat(cloud).isNotNull();
      assertThat(patient).isNotSameAs(selfHosted);
      assertThat(own).isNotNull();
    }
    // without LOGTO_CLIENT_ID the README's connection names the missing setting
    if (System.getenv("LOGTO_CLIENT_ID") == null) {
      assertThatThrownBy(ReadmeTour::connect).hasMessageContaining("clientId");
    }
  }

  @Test
  void typedApiAsyncOpenEnumJsonFieldAndPathLevel(LogtoManagement logto, LogtoEmulator emulator) {
    emulator.resetRequestCounts();   // the extension shares one emulator among this class's tests
    var examples = new TypedApiExamples(logto);
    var user = logto.users().create(CreateUserRequest.builder().username("bob").primaryEmail("bob@example.com").build());
    var org = logto.organizations().create(CreateOrganizationRequest.builder().name("Acme").build());
    logto.organizations().addUsers(org.id(), UserIds.builder().userIds(List.of(user.id())).build());
    var app = logto.applications().create(CreateApplicationRequest.builder()
        .name("backend").type(ApplicationType.MACHINE_TO_MACHINE).build());

    examples.getAsync(user.id()).join();
    examples.getAsync("no-such-user").join();   // the failure is logged, not thrown
    examples.onType(app);
    examples.copyCustomCss();
    TypedApiExamples.Exchanged exchanged = TypedApiExamples.pathLevel(logto.client(), user.id());

    assertThat(emulator.requestCount("GetUser")).isEqualTo(2);
    assertThat(examples.rotated()).isEqualTo(app.id());
    assertThat(emulator.requestCount("UpdateSignInExp")).isEqualTo(1);
    assertThat(exchanged.organizations()).hasSize(1);
    assertThat(exchanged.status()).isEqualTo(200);
    assertThat(exchanged.totalNumber()).isEqualTo("1");
    assertThat(exchanged.users()).containsExactly(new TypedApiExamples.MyUser(user.id(), "bob"));
  }

  @Test
  void paginationWalksEveryUser() {
    try (LogtoEmulator own = LogtoEmulator.start();      // users of its own: the other tests' stay out
        LogtoClient client = LogtoEmulatorExtension.clientFor(own).build()) {
      LogtoManagement logto = LogtoManagement.of(client);
      for (String name : List.of("admin", "carol", "dave")) {
        logto.users().create(CreateUserRequest.builder().username(name).build());
      }
      logto.roles().create(CreateRoleRequest.builder().name("app:reader").description("Reads").build());
      var examples = new PaginationExamples(logto);

      assertThat(examples.walks()).extracting(role -> role.name()).containsExactly("app:reader");
      assertThat(examples.ahead()).map(user -> user.username()).contains("admin");
      // the plain loop, prefetch(2), the admin found in parallel, then the iterator
      assertThat(examples.exported()).hasSize(3 + 3 + 1 + 3).containsOnly("admin", "carol", "dave");
    }
  }

  @Test
  void errorsTellAMissingUser(LogtoManagement logto) {
    var user = logto.users().create(CreateUserRequest.builder().username("erin").build());

    assertThat(ErrorExamples.exists(logto, user.id())).isTrue();
    assertThat(ErrorExamples.exists(logto, "no-such-user")).isFalse();
  }

  @Test
  void perCallOptionsRetryAPostAfterA503(LogtoManagement logto, LogtoEmulator emulator) {
    emulator.faults().failNext(1, 503);

    var user = RetryExamples.createWithOptions(logto, CreateUserRequest.builder().username("frank").build(), "trace-1");

    assertThat(user.username()).isEqualTo("frank");
    assertThat(RetryExamples.configured()).isNotNull();
  }

  @Test
  void listenersInterceptorsAndObservationsSeeEachAttempt(LogtoEmulator emulator) {
    emulator.resetRequestCounts();
    List<String> timed = new ArrayList<>();
    ObservabilityExamples.Metrics metrics = (name, tags) -> duration -> timed.add(name + " " + String.join(",", tags));
    List<String> observed = new ArrayList<>();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }

      @Override
      public void onStop(Observation.Context context) {
        observed.add(context.getName());
      }
    });

    try (LogtoClient listened = ObservabilityExamples.withListener(LogtoEmulatorExtension.clientFor(emulator), metrics);
        LogtoClient intercepted = ObservabilityExamples.withInterceptor(LogtoEmulatorExtension.clientFor(emulator));
        LogtoClient observing = ObservabilityExamples.withObservations(LogtoEmulatorExtension.clientFor(emulator),
            observations)) {
      LogtoManagement.of(listened).users().list();
      LogtoManagement.of(intercepted).users().list();
      LogtoManagement.of(observing).users().list();
    }

    assertThat(timed).containsExactly("logto.attempt path,/oidc/token,status,200", "logto.attempt path,/api/users,status,200");
    assertThat(emulator.requestCount("ListUsers")).isEqualTo(3);
    assertThat(observed).containsExactly("logto.management.request", "logto.management.request");
  }

  @Test
  void durationsAreCheckedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> LogtoClient.builder().requestTimeout(Duration.ZERO))
        .hasMessageContaining("requestTimeout must be positive: PT0S");
  }
}

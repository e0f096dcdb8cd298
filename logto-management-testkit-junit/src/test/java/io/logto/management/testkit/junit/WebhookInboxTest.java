package io.logto.management.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.management.LogtoManagement;
import io.logto.management.model.CreateOrganizationRequest;
import io.logto.management.model.CreateRoleRequest;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.Hook;
import io.logto.management.model.HookEvent;
import io.logto.management.model.Organization;
import io.logto.management.model.Role;
import io.logto.management.model.User;
import io.logto.management.model.UserIdsRequest;
import io.logto.management.testkit.LogtoEmulator;
import io.logto.management.testkit.WebhookDelivery;
import io.logto.management.webhooks.OrganizationCreated;
import io.logto.management.webhooks.OrganizationMembershipUpdated;
import io.logto.management.webhooks.RoleCreated;
import io.logto.management.webhooks.UserCreated;
import io.logto.management.webhooks.UserDeleted;
import io.logto.management.webhooks.WebhookVerificationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/** End to end: a hook of the emulator, created through the typed API, delivers typed events to the inbox. */
@ExtendWith(LogtoEmulatorExtension.class)
final class WebhookInboxTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @AutoClose
  private final WebhookInbox inbox = WebhookInbox.start();

  @Test
  void eventsCausedThroughTheApiArriveVerifiedAndTyped(LogtoManagement logto) {
    inbox.subscribe(logto, HookEvent.USER_CREATED, HookEvent.USER_DELETED, HookEvent.ORGANIZATION_CREATED,
        HookEvent.ORGANIZATION_MEMBERSHIP_UPDATED, HookEvent.ROLE_CREATED);

    User user = logto.users().create(CreateUserRequest.builder().username("inbox_ann").build());
    UserCreated created = inbox.await(UserCreated.class, WAIT);
    // the same record the API answered, field for field
    assertThat(created.data()).isEqualTo(user);
    assertThat(created.origin().apiCall().method()).isEqualTo("POST");
    assertThat(created.origin().apiCall().matchedRoute()).isEqualTo("/users");

    Organization organization = logto.organizations().create(CreateOrganizationRequest.builder().name("inbox-org").build());
    assertThat(inbox.await(OrganizationCreated.class, WAIT).data()).isEqualTo(organization);
    logto.organizations().addUsers(organization.id(), UserIdsRequest.builder().userIds(List.of(user.id())).build());
    OrganizationMembershipUpdated joined = inbox.await(OrganizationMembershipUpdated.class, WAIT);
    assertThat(joined.organizationId()).isEqualTo(organization.id());
    assertThat(joined.addedUserIds()).containsExactly(user.id());
    assertThat(joined.removedUserIds()).isEmpty();

    Role role = logto.roles().create(CreateRoleRequest.builder().name("inbox-role").description("d").build());
    assertThat(inbox.await(RoleCreated.class, WAIT).data()).isEqualTo(role);

    logto.users().delete(user.id());
    UserDeleted deleted = inbox.await(UserDeleted.class, WAIT);
    assertThat(deleted.data().id()).isEqualTo(user.id());
    assertThat(deleted.data().username()).isEqualTo("inbox_ann");
    assertThat(inbox.rejections()).isEmpty();
    assertThat(inbox.events()).hasSize(5);
  }

  @Test
  void aRotatedKeyIsRefusedUntilTrustedAndLogtoRecordsTheRefusal(LogtoManagement logto, LogtoEmulator emulator) {
    Hook hook = inbox.subscribe(logto, HookEvent.ROLE_CREATED);
    Hook rotated = logto.hooks().updateSigningKey(hook.id());

    logto.roles().create(CreateRoleRequest.builder().name("inbox-rotated").description("d").build());
    WebhookDelivery refused = emulator.awaitWebhookDeliveries(1, WAIT).get(0);
    assertThat(refused.hookId()).isEqualTo(hook.id());

    assertThat(refused.responseStatus()).as(refused.error()).isEqualTo(401);
    assertThat(inbox.rejections()).extracting(WebhookVerificationException::reason)
        .containsExactly(WebhookVerificationException.Reason.SIGNATURE_MISMATCH);
    assertThatThrownBy(() -> inbox.await(RoleCreated.class, Duration.ofMillis(1)))
        .isInstanceOf(AssertionFailedError.class).hasMessageContaining("no RoleCreated")
        .hasMessageContaining("SIGNATURE_MISMATCH");

    inbox.trust(rotated.signingKey());
    logto.roles().create(CreateRoleRequest.builder().name("inbox-trusted").description("d").build());
    assertThat(inbox.await(RoleCreated.class, WAIT).data().name()).isEqualTo("inbox-trusted");
  }

  @Test
  void closingDeletesTheHooksItSubscribed(LogtoManagement logto) {
    Hook hook;
    try (WebhookInbox another = WebhookInbox.start()) {
      hook = another.subscribe(logto, HookEvent.USER_CREATED);
      assertThat(logto.hooks().list()).extracting(Hook::id).contains(hook.id());
    }
    assertThat(logto.hooks().list()).extracting(Hook::id).doesNotContain(hook.id());
  }

  @Test
  void aFailingAnswerIsWhatLogtoRecords(LogtoManagement logto, LogtoEmulator emulator) {
    Hook hook = inbox.subscribe(logto, HookEvent.ROLE_CREATED);
    inbox.answerWith(500);

    logto.roles().create(CreateRoleRequest.builder().name("inbox-failing").description("d").build());

    assertThat(inbox.await(RoleCreated.class, WAIT).data().name()).isEqualTo("inbox-failing");
    assertThat(emulator.awaitWebhookDeliveries(1, WAIT).get(0).responseStatus()).isEqualTo(500);
    assertThat(logto.hooks().listRecentLogs(hook.id())).singleElement()
        .satisfies(log -> assertThat(log.toString()).contains("Error"));
  }
}

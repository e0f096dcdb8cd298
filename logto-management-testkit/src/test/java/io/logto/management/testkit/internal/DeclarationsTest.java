package io.logto.management.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class DeclarationsTest {
  private static final OperationTable TABLE = OperationTable.load();
  private static final NotFoundRules RULES = NotFoundRules.load(TABLE);
  /** The SAML endpoints Logto serves on its anonymous router although the document asks for a token. */
  private static final Set<String> ANONYMOUS = Set.of("ListSamlApplicationMetadata", "GetSamlApplicationCallback",
      "GetSamlAuthn", "CreateSamlAuthn");

  @Test
  void everyOperationOfTheTableIsDeclaredExactlyOnce() throws IOException {
    try (EmulatorServer server = new EmulatorServer(Clock.systemUTC(), Duration.ofMinutes(1),
        "https://default.logto.app/api", List.of())) {
      Declarations declarations = server.declarations();

      assertThat(declarations.undeclared()).isEmpty();
      assertThat(declarations.all()).hasSize(TABLE.operations().size());
      assertThat(declarations.all().stream().map(d -> d.operation().operationId())).doesNotHaveDuplicates();
      for (Declarations.Declaration declaration : declarations.all()) {
        String id = declaration.operation().operationId();
        // a path naming an entity carries its not-found rule; the others none
        assertThat(declaration.notFoundRule()).as(id).isEqualTo(RULES.rule(id));
        assertThat(declaration.requiresToken()).as(id)
            .isEqualTo(declaration.operation().requiresToken() && !ANONYMOUS.contains(id));
      }
    }
  }

  @Test
  void theDataEventsAreDeclaredOnTheOperationsLogtoRegistersThem() throws IOException {
    try (EmulatorServer server = new EmulatorServer(Clock.systemUTC(), Duration.ofMinutes(1),
        "https://default.logto.app/api", List.of())) {
      Map<String, String> events = new TreeMap<>();
      server.declarations().all().stream().filter(d -> d.event() != null)
          .forEach(d -> events.put(d.operation().operationId(), d.event()));

      // the 30 operations of the emulator that fire a data event; a write fires, a read never does
      assertThat(events).hasSize(30).containsEntry("DeleteUser", "User.Deleted")
          .containsEntry("CreateOrganizationRoleScope", "OrganizationRole.Scopes.Updated")
          .doesNotContainKeys("CreateOrganizationRoleResourceScope", "GetUser");
      assertThat(events.keySet()).allSatisfy(id -> assertThat(server.declarations().get(id).operation().method())
          .isIn("POST", "PUT", "PATCH", "DELETE"));
      assertThat(events.values()).allMatch(event -> event.matches("[A-Za-z]+(\\.[A-Za-z]+)+"));
    }
  }

  @Test
  void theOperationsWhosePayloadsDifferFromTheirEventsDeclareTheirOwnRule() throws IOException {
    try (EmulatorServer server = new EmulatorServer(Clock.systemUTC(), Duration.ofMinutes(1),
        "https://default.logto.app/api", List.of())) {
      List<String> own = server.declarations().all().stream()
          .filter(d -> d.payloads() != DataHookPayloads.REGISTERED).map(d -> d.operation().operationId()).sorted()
          .toList();

      // the deleted user before the call, membership deltas, and a new role's scopes: Logto appends these itself
      assertThat(own).containsExactly("AddOrganizationApplications", "AddOrganizationUsers", "CreateOrganizationRole",
          "DeleteOrganizationApplication", "DeleteOrganizationUser", "DeleteUser", "ReplaceOrganizationApplications",
          "ReplaceOrganizationInvitationStatus", "ReplaceOrganizationUsers");
    }
  }

  @Test
  void aSecondDeclarationFailsNamingTheOperation() {
    Declarations declarations = new Declarations(TABLE, RULES);
    declarations.declare("GetUser", call -> Reply.empty(204));

    assertThatThrownBy(() -> declarations.declare("GetUser", call -> Reply.empty(204)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("GetUser is declared twice");
  }

  @Test
  void anOperationOutsideTheTableCannotBeDeclared() {
    Declarations declarations = new Declarations(TABLE, RULES);

    assertThatThrownBy(() -> declarations.declare("GetUserss", call -> Reply.empty(204)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("GetUserss is not in operations.tsv");
  }

  @Test
  void anUndeclaredOperationFailsTheCheckNamingIt() {
    Declarations declarations = new Declarations(TABLE, RULES);
    TABLE.operations().stream().map(Operation::operationId).filter(id -> !id.equals("DeleteHook"))
        .forEach(id -> declarations.declare(id, call -> Reply.empty(204)));

    assertThatThrownBy(declarations::checkComplete).isInstanceOf(IllegalStateException.class)
        .hasMessage("operations without a declaration: [DeleteHook]");
  }
}

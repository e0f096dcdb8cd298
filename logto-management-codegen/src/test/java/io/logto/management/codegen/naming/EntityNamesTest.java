package io.logto.management.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entity rules on the read model, without a document: identity, listing elements, id lists. */
final class EntityNamesTest {
  private static FieldDef field(String name, TypeRef type, boolean required) {
    return new FieldDef(name, name, type, required, false, "");
  }

  private static TypeDef.RecordDef record(String name, FieldDef... fields) {
    return new TypeDef.RecordDef(name, "#/" + name, List.of(fields), false, List.of());
  }

  private static final FieldDef ID = field("id", TypeRef.Scalar.STRING, true);
  private static final FieldDef NAME = field("name", TypeRef.Scalar.STRING, true);

  @Test
  void aReadOfOneObjectNamesTheEntityAndItsNestedTypes() {
    Map<String, String> renames =
        EntityNames.renames(List.of(record("GetWidgetResponse", ID), record("GetWidgetResponseMeta", NAME)));
    assertThat(renames).containsEntry("GetWidgetResponse", "Widget").containsEntry("GetWidgetResponseMeta", "WidgetMeta");
  }

  @Test
  void aListingElementWithEveryRequiredPropertyIsTheEntity() {
    TypeDef.RecordDef role = record("OrganizationRole", ID, NAME);
    TypeDef.RecordDef item =
        record("ListOrganizationRolesResponseItem", ID, NAME, field("scopes", new TypeRef.ListOf(TypeRef.Scalar.STRING), true));
    assertThat(EntityNames.renames(List.of(role, item))).containsEntry("ListOrganizationRolesResponseItem", "OrganizationRole");
    // the listed noun's last word when the whole noun names nothing: a role's scopes are Scopes
    TypeDef.RecordDef scope = record("Scope", ID, NAME);
    TypeDef.RecordDef roleScope = record("ListRoleScopesResponseItem", ID, NAME, field("resource", TypeRef.Scalar.JSON, false));
    assertThat(EntityNames.renames(List.of(scope, roleScope))).containsEntry("ListRoleScopesResponseItem", "Scope");
  }

  @Test
  void anElementMissingARequiredPropertyOrDifferingInTypeIsNamedNotMerged() {
    TypeDef.RecordDef role = record("Role", ID, NAME);
    TypeDef.RecordDef partial = record("ListRolesResponseItem", ID);
    assertThat(EntityNames.renames(List.of(role, partial))).doesNotContainKey("ListRolesResponseItem");
    TypeDef.RecordDef log = record("ListHookRecentLogsResponseItem", ID, field("payload", TypeRef.Scalar.JSON, true));
    TypeDef.RecordDef payload = record("ListHookRecentLogsResponseItemPayload", NAME);
    assertThat(EntityNames.renames(List.of(log, payload)))
        .containsEntry("ListHookRecentLogsResponseItem", "HookRecentLog")
        .containsEntry("ListHookRecentLogsResponseItemPayload", "HookRecentLogPayload");
  }

  @Test
  void aRecordCarryingOnlyIdsIsNamedForThemAsBodyAndAnswer() {
    TypeDef.RecordDef ids = record("CreateRoleUserRequest", field("userIds", new TypeRef.ListOf(TypeRef.Scalar.STRING), true));
    assertThat(EntityNames.renames(List.of(ids))).containsEntry("CreateRoleUserRequest", "UserIds");
  }

  @Test
  void aRuleNeverTakesANameAnotherTypeHas() {
    TypeDef.RecordDef action = record("Action", field("script", TypeRef.Scalar.STRING, true));
    TypeDef.RecordDef entry = record("ListActionsResponseItem", field("key", TypeRef.Scalar.STRING, true));
    assertThat(EntityNames.renames(List.of(action, entry))).doesNotContainKey("ListActionsResponseItem");
  }
}

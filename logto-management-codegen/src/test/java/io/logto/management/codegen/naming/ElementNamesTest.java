package io.logto.management.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names of list elements on the read model, without a document. */
final class ElementNamesTest {
  private static FieldDef list(String name, String element) {
    return new FieldDef(name, name, new TypeRef.ListOf(new TypeRef.Named(element)), true, false, "");
  }

  private static FieldDef object(String name, String type) {
    return new FieldDef(name, name, new TypeRef.Named(type), true, false, "");
  }

  private static TypeDef.RecordDef record(String name, FieldDef... fields) {
    return new TypeDef.RecordDef(name, "#/" + name, List.of(fields), false, List.of());
  }

  private static final FieldDef ID = new FieldDef("id", "id", TypeRef.Scalar.STRING, true, false, "");

  @Test
  void anElementIsThePropertysSingular() {
    Map<String, String> renames = ElementNames.renames(List.of(
        record("Domain", list("dnsRecords", "DomainDnsRecordsItem")),
        record("DomainDnsRecordsItem", ID)));
    assertThat(renames).containsExactly(Map.entry("DomainDnsRecordsItem", "DnsRecord"));
  }

  @Test
  void theOwnerComesFirstWhenTheSingularIsTakenWantedTwiceOrOneWord() {
    Map<String, String> renames = ElementNames.renames(List.of(
        record("Role", ID),
        record("ContextUser", list("roles", "ContextUserRolesItem"), list("pageRules", "ContextUserPageRulesItem")),
        record("ContextUserRolesItem", ID),
        record("ContextUserPageRulesItem", ID),
        record("Metadata", list("pageRules", "MetadataPageRulesItem")),
        record("MetadataPageRulesItem", ID, ID),
        record("Field", list("parts", "FieldPartsItem")),
        record("FieldPartsItem", ID)));
    assertThat(renames)
        .containsEntry("ContextUserRolesItem", "ContextUserRole")
        .containsEntry("ContextUserPageRulesItem", "ContextUserPageRule")
        .containsEntry("MetadataPageRulesItem", "MetadataPageRule")
        .containsEntry("FieldPartsItem", "FieldPart");
  }

  @Test
  void whatIsNamedAfterAnElementFollowsIt() {
    Map<String, String> renames = ElementNames.renames(List.of(
        record("Consent", list("resourceScopes", "ConsentResourceScopesItem")),
        record("ConsentResourceScopesItem", object("resource", "ConsentResourceScopesItemResource"),
            list("scopes", "ConsentResourceScopesItemScopesItem")),
        record("ConsentResourceScopesItemResource", ID),
        record("ConsentResourceScopesItemScopesItem", ID)));
    assertThat(renames)
        .containsEntry("ConsentResourceScopesItem", "ResourceScope")
        .containsEntry("ConsentResourceScopesItemResource", "ResourceScopeResource")
        .containsEntry("ConsentResourceScopesItemScopesItem", "ResourceScopeScope");
  }

  @Test
  void noPluralOrNoFreeNameKeepsTheItem() {
    Map<String, String> renames = ElementNames.renames(List.of(
        record("Counts", list("dauCurve", "CountsDauCurveItem")),
        record("CountsDauCurveItem", ID),
        record("User", list("ssoIdentities", "UserSsoIdentitiesItem")),
        record("UserSsoIdentitiesItem", ID),
        record("SsoIdentity", ID, ID),
        record("UserSsoIdentity", ID)));
    assertThat(renames).isEmpty();
  }
}

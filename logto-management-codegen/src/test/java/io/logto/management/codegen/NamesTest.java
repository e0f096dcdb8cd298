package io.logto.management.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.codegen.naming.Names;
import java.util.List;
import org.junit.jupiter.api.Test;

final class NamesTest {
  @Test
  void methodNamesDropTheTagNoun() {
    assertThat(Names.methodName("ListUsers", List.of("User"))).isEqualTo("list");
    assertThat(Names.methodName("ListUserRoles", List.of("User"))).isEqualTo("listRoles");
    assertThat(Names.methodName("GetOrganizationRole", List.of("Organization", "Role"))).isEqualTo("get");
    assertThat(Names.methodName("ListCustomPhrases", List.of("Custom", "Phrase"))).isEqualTo("list");
    assertThat(Names.methodName("ListPolicies", List.of("Policy"))).isEqualTo("list");
    assertThat(Names.methodName("RotateOidcKeys", List.of("Config"))).isEqualTo("rotateOidcKeys");
  }

  @Test
  void javaNamesFollowConventions() {
    assertThat(Names.camel("page_size")).isEqualTo("pageSize");
    assertThat(Names.camel("SAMLRequest")).isEqualTo("samlRequest");
    assertThat(Names.camel("[translationKey]")).isEqualTo("translationKey");
    assertThat(Names.camel("default")).isEqualTo("default_");
    assertThat(Names.pascal("Sign-in experience")).isEqualTo("SignInExperience");
    assertThat(Names.pascal("SSO connectors")).isEqualTo("SsoConnectors");
    assertThat(Names.constant("MachineToMachine")).isEqualTo("MACHINE_TO_MACHINE");
    assertThat(Names.constant("access-token")).isEqualTo("ACCESS_TOKEN");
    assertThat(Names.constant("zh-HK")).isEqualTo("ZH_HK");
    assertThat(Names.constant("")).isEqualTo("EMPTY");
  }
}

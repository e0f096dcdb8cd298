package io.logto.management.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The method rules: a read of one object is get, a yes/no read a question, no HTTP method. */
final class MethodNamesTest {
  private static final List<String> USER = List.of("User");

  @Test
  void aListOperationAnsweringOneObjectIsAGet() {
    assertThat(MethodNames.of("ListUserCustomData", USER, true)).isEqualTo("getCustomData");
    assertThat(MethodNames.of("ListUserAllIdentities", USER, true)).isEqualTo("getAllIdentities");
    assertThat(MethodNames.of("ListUserRoles", USER, false)).isEqualTo("listRoles");
  }

  @Test
  void aYesNoReadIsAQuestion() {
    assertThat(MethodNames.of("GetUserHasPassword", USER, true)).isEqualTo("hasPassword");
    assertThat(MethodNames.of("GetUser", USER, true)).isEqualTo("get");
  }

  @Test
  void anUpdateOrReplaceNamesWhatItChanges() {
    assertThat(MethodNames.changedPart("updateCustomData")).contains("customData");
    assertThat(MethodNames.changedPart("replaceTranslation")).contains("translation");
    assertThat(MethodNames.changedPart("update")).isEmpty();
    assertThat(MethodNames.changedPart("createBatch")).isEmpty();
  }

  @Test
  void aTrailingHttpMethodIsDropped() {
    assertThat(MethodNames.of("DeletePersonalAccessTokenPost", USER, false)).isEqualTo("deletePersonalAccessToken");
    assertThat(MethodNames.of("GetPost", List.of("Config"), true)).isEqualTo("getPost");
  }
}

package io.logto.management.webhooks;

import static io.logto.management.webhooks.Signing.bytes;
import static io.logto.management.webhooks.Signing.sign;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Payloads as Logto 1.42's source builds them for the events the recordings do not hold (the hook library's
 * {@code buildWebhooks}, {@code triggerInteractionHooks} and {@code triggerEvent}, and the routes that append
 * their own context), signed here and decoded to their records.
 */
class SourcePayloadsTest {
  private static final String KEY = "source-payloads-key";
  /** The 29 values of {@code hookEvents} in {@code packages/schemas/src/foundations/jsonb-types/hooks.ts}, dev-only ones left out. */
  private static final List<String> LOGTO_1_42_EVENTS = List.of(
      "PostRegister", "PostSignIn", "PostSignInAdaptiveMfaTriggered", "PostResetPassword",
      "User.Created", "User.Deleted", "User.Data.Updated", "User.SuspensionStatus.Updated",
      "Role.Created", "Role.Deleted", "Role.Data.Updated", "Role.Scopes.Updated",
      "Scope.Created", "Scope.Deleted", "Scope.Data.Updated",
      "Organization.Created", "Organization.Deleted", "Organization.Data.Updated", "Organization.Membership.Updated",
      "OrganizationRole.Created", "OrganizationRole.Deleted", "OrganizationRole.Data.Updated",
      "OrganizationRole.Scopes.Updated",
      "OrganizationScope.Created", "OrganizationScope.Deleted", "OrganizationScope.Data.Updated",
      "Identifier.Lockout", "Message.RateLimited", "Grant.LimitExceeded");
  private static final String API = "\"createdAt\":\"2026-12-07T01:00:00.000Z\",\"userAgent\":\"java\",\"ip\":\"10.0.0.7\",";
  private static final String INTERACTION = "\"createdAt\":\"2026-12-07T01:00:00.000Z\",\"userAgent\":\"browser\","
      + "\"ip\":\"10.0.0.8\",\"interactionEvent\":\"SignIn\",\"sessionId\":\"s1\",\"applicationId\":\"app1\","
      + "\"application\":{\"id\":\"app1\",\"type\":\"Traditional\",\"name\":\"Shop\",\"description\":null},";
  private static final String USER = "{\"id\":\"u1\",\"username\":\"ann\",\"primaryEmail\":\"ann@example.org\","
      + "\"primaryPhone\":null,\"name\":\"Ann\",\"avatar\":null,\"customData\":{},\"identities\":{},"
      + "\"lastSignInAt\":1796605200000,\"createdAt\":1796605100000,\"updatedAt\":1796605200000,\"profile\":{},"
      + "\"applicationId\":\"app1\",\"cimdClientId\":null,\"isSuspended\":false}";

  private final WebhookReceiver receiver = WebhookReceiver.builder().signingKey(KEY).build();

  @Test
  void everyEventOfLogto142HasItsOwnRecordAndEveryRecordAnEvent() {
    assertThat(LOGTO_1_42_EVENTS).hasSize(29).doesNotHaveDuplicates();
    assertThat(EventCatalog.events()).containsExactlyInAnyOrderElementsOf(LOGTO_1_42_EVENTS);
    Set<Class<?>> records = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
    for (Class<?> family : WebhookEvent.class.getPermittedSubclasses()) {
      if (family.isInterface()) {
        records.addAll(Arrays.asList(family.getPermittedSubclasses()));
      }
    }
    assertThat(records).hasSize(29).allSatisfy(type -> assertThat(type.isRecord()).isTrue());
    Set<String> named = records.stream().map(SourcePayloadsTest::eventConstant).collect(Collectors.toSet());
    assertThat(named).containsExactlyInAnyOrderElementsOf(LOGTO_1_42_EVENTS);
  }

  @Test
  void everyEventDecodesFromThePayloadLogtoBuildsForIt() {
    List<String> decoded = new ArrayList<>();
    for (String event : LOGTO_1_42_EVENTS) {
      WebhookEvent typed = receive(payload(event));
      assertThat(typed).as(event).isNotInstanceOf(UnknownEvent.class);
      assertThat(typed.event()).isEqualTo(event).isEqualTo(eventConstant(typed.getClass()));
      assertThat(typed.createdAt()).isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
      assertThat(typed.hookId()).isEqualTo("hook1");
      decoded.add(event);
    }
    assertThat(decoded).hasSize(29);
  }

  @Test
  void interactionEventsCarryTheSessionApplicationAndUser() {
    PostRegister event = (PostRegister) receive(payload("PostRegister"));

    assertThat(event.userId()).isEqualTo("u1");
    assertThat(event.user()).isNotNull();
    assertThat(event.user().primaryEmail()).isEqualTo("ann@example.org");
    assertThat(event.origin().ip()).isEqualTo("10.0.0.9");
    assertThat(event.origin().sessionId()).isEqualTo("s1");
    assertThat(event.origin().interactionEvent()).isEqualTo("Register");
    assertThat(event.origin().application().name()).isEqualTo("Shop");
    assertThat(event.origin().apiCall()).isNull();

    PostSignInAdaptiveMfaTriggered mfa = (PostSignInAdaptiveMfaTriggered) receive(payload("PostSignInAdaptiveMfaTriggered"));
    assertThat(mfa.adaptiveMfaResult().get("requiresMfa").asBoolean()).isTrue();
  }

  @Test
  void dataEventsFromTheSignInExperienceCarryTheInteractionInsteadOfAnApiCall() {
    String body = "{\"event\":\"User.Created\"," + INTERACTION + "\"data\":" + USER + ",\"hookId\":\"hook1\"}";

    UserCreated event = (UserCreated) receive(body);

    assertThat(event.origin().apiCall()).isNull();
    assertThat(event.origin().sessionId()).isEqualTo("s1");
    assertThat(event.origin().applicationId()).isEqualTo("app1");
    assertThat(event.data().username()).isEqualTo("ann");
  }

  @Test
  void membershipEventsTypeTheirIdListsAndTreatAbsentListsAsEmpty() {
    OrganizationMembershipUpdated event = (OrganizationMembershipUpdated) receive(payload("Organization.Membership.Updated"));
    assertThat(event.organizationId()).isEqualTo("org1");
    assertThat(event.addedUserIds()).containsExactly("u2", "u3");
    assertThat(event.removedUserIds()).containsExactly("u1");
    assertThat(event.addedApplicationIds()).isEmpty();
    assertThat(event.removedApplicationIds()).isEmpty();

    // an accepted invitation of a member (no change) is just { organizationId }
    String legacy = "{\"event\":\"Organization.Membership.Updated\"," + API + "\"path\":\"/organization-invitations/i1/status\","
        + "\"method\":\"PUT\",\"status\":200,\"params\":{\"id\":\"i1\"},\"matchedRoute\":\"/organization-invitations/:id/status\","
        + "\"organizationId\":\"org1\",\"hookId\":\"hook1\"}";
    OrganizationMembershipUpdated bare = (OrganizationMembershipUpdated) receive(legacy);
    assertThat(bare.addedUserIds()).isEmpty();
    assertThat(bare.origin().apiCall().param("id")).isEqualTo("i1");
  }

  @Test
  void eventSpecificFieldsAreTyped() {
    assertThat(((RoleDeleted) receive(payload("Role.Deleted"))).roleId()).isEqualTo("r1");
    RoleScopesUpdated removed = (RoleScopesUpdated) receive(payload("Role.Scopes.Updated"));
    assertThat(removed.roleId()).isEqualTo("r1");
    assertThat(removed.removedScopeId()).isEqualTo("sc1");
    assertThat(removed.addedScopes()).isEmpty();
    ScopeDeleted scope = (ScopeDeleted) receive(payload("Scope.Deleted"));
    assertThat(scope.resourceId()).isEqualTo("res1");
    assertThat(scope.scopeId()).isEqualTo("sc1");
    assertThat(((OrganizationDeleted) receive(payload("Organization.Deleted"))).organizationId()).isEqualTo("org1");
    assertThat(((OrganizationRoleDeleted) receive(payload("OrganizationRole.Deleted"))).organizationRoleId()).isEqualTo("or1");
    assertThat(((OrganizationScopeDeleted) receive(payload("OrganizationScope.Deleted"))).organizationScopeId()).isEqualTo("os1");
    assertThat(((OrganizationRoleScopesUpdated) receive(payload("OrganizationRole.Scopes.Updated"))).organizationRoleId())
        .isEqualTo("or1");
    String onCreate = "{\"event\":\"OrganizationRole.Scopes.Updated\"," + API + "\"path\":\"/organization-roles\","
        + "\"method\":\"POST\",\"status\":201,\"params\":{},\"matchedRoute\":\"/organization-roles\","
        + "\"organizationRoleId\":\"or9\",\"hookId\":\"hook1\"}";
    assertThat(((OrganizationRoleScopesUpdated) receive(onCreate)).organizationRoleId()).isEqualTo("or9");
    assertThat(((OrganizationRoleCreated) receive(payload("OrganizationRole.Created"))).data().name()).isEqualTo("admin");
    assertThat(((OrganizationScopeDataUpdated) receive(payload("OrganizationScope.Data.Updated"))).data().name())
        .isEqualTo("read:x");
    UserDataUpdated profile = (UserDataUpdated) receive(payload("User.Data.Updated"));
    assertThat(profile.userId()).isEqualTo("u1");
    assertThat(profile.data()).isNull();
    assertThat(profile.profile()).isNotNull();
    assertThat(profile.profile().nickname()).isEqualTo("annie");

    IdentifierLockout lockout = (IdentifierLockout) receive(payload("Identifier.Lockout"));
    assertThat(lockout.identifierType()).isEqualTo("email");
    assertThat(lockout.identifierValue()).isEqualTo("ann@example.org");
    assertThat(lockout.origin().sessionId()).isEqualTo("s1");
    MessageRateLimited limited = (MessageRateLimited) receive(payload("Message.RateLimited"));
    assertThat(limited.action()).isEqualTo("VerificationCodeSend");
    assertThat(limited.recipient()).isEqualTo("+15550100");
    GrantLimitExceeded grants = (GrantLimitExceeded) receive(payload("Grant.LimitExceeded"));
    assertThat(grants.userId()).isEqualTo("u1");
    assertThat(grants.applicationId()).isEqualTo("app1");
    assertThat(grants.cimdClientId()).isNull();
    assertThat(grants.revokedGrantIds()).containsExactly("g1", "g2");
    assertThat(grants.maxAllowedGrants()).isEqualTo(3);
    assertThat(grants.preRevocationActiveGrantCount()).isEqualTo(5);
  }

  @Test
  void anUnknownEventDecodesKeepingItsJson() {
    String body = "{\"event\":\"Device.Trusted\",\"createdAt\":\"2026-12-07T01:00:00.000Z\",\"hookId\":\"hook1\","
        + "\"data\":{\"deviceId\":\"d1\"}}";

    WebhookEvent event = receive(body);

    assertThat(event).isInstanceOfSatisfying(UnknownEvent.class, unknown -> {
      assertThat(unknown.event()).isEqualTo("Device.Trusted");
      assertThat(unknown.hookId()).isEqualTo("hook1");
      assertThat(unknown.json().at("/data/deviceId").asText()).isEqualTo("d1");
    });
  }

  @Test
  void unknownFieldsAnywhereDecodeAndStayInTheJson() {
    String body = "{\"event\":\"Role.Created\"," + API + "\"path\":\"/roles\",\"method\":\"POST\",\"status\":200,"
        + "\"params\":{},\"matchedRoute\":\"/roles\",\"traceId\":\"t-1\",\"data\":{\"tenantId\":\"default\","
        + "\"id\":\"r1\",\"name\":\"admin\",\"description\":\"d\",\"type\":\"User\",\"isDefault\":false,"
        + "\"colour\":\"blue\"},\"hookId\":\"hook1\"}";

    RoleCreated event = (RoleCreated) receive(body);

    assertThat(event.data().name()).isEqualTo("admin");
    assertThat(event.data().additionalProperties()).containsKey("colour");
    assertThat(event.json().get("traceId").asText()).isEqualTo("t-1");
  }

  private WebhookEvent receive(String body) {
    return receiver.receive(bytes(body), sign(KEY, bytes(body)));
  }

  private static String eventConstant(Class<?> type) {
    try {
      return (String) type.getField("EVENT").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(type + " has no EVENT constant", e);
    }
  }

  private static String apiCall(String method, String path, int status, String params, String route) {
    return API + "\"path\":\"" + path + "\",\"method\":\"" + method + "\",\"status\":" + status + ",\"params\":"
        + params + ",\"matchedRoute\":\"" + route + "\",";
  }

  private static String interaction(String kind) {
    return "\"createdAt\":\"2026-12-07T01:00:00.000Z\",\"interactionEvent\":\"" + kind + "\",\"sessionId\":\"s1\","
        + "\"userAgent\":\"browser\",\"userId\":\"u1\",\"userIp\":\"10.0.0.9\",\"user\":" + USER + ","
        + "\"application\":{\"id\":\"app1\",\"type\":\"Traditional\",\"name\":\"Shop\",\"description\":null},";
  }

  /** The payload Logto's source builds for one event (fields in Logto's order; hookId last). */
  private static String payload(String event) {
    String role = "{\"tenantId\":\"default\",\"id\":\"r1\",\"name\":\"admin\",\"description\":\"d\",\"type\":\"User\","
        + "\"isDefault\":false}";
    String scope = "{\"tenantId\":\"default\",\"id\":\"sc1\",\"resourceId\":\"res1\",\"name\":\"read:x\","
        + "\"description\":null,\"createdAt\":1796605100000}";
    String organization = "{\"tenantId\":\"default\",\"id\":\"org1\",\"name\":\"Acme\",\"description\":null,"
        + "\"customData\":{},\"isMfaRequired\":false,\"color\":{},\"branding\":{},\"customCss\":null,"
        + "\"createdAt\":1796605100000}";
    String organizationRole = "{\"tenantId\":\"default\",\"id\":\"or1\",\"name\":\"admin\",\"description\":null,"
        + "\"type\":\"User\",\"isDefault\":false}";
    String organizationScope = "{\"tenantId\":\"default\",\"id\":\"os1\",\"name\":\"read:x\",\"description\":null}";
    String fields = switch (event) {
      case "PostRegister" -> interaction("Register");
      case "PostSignIn" -> interaction("SignIn");
      case "PostResetPassword" -> interaction("ForgotPassword");
      case "PostSignInAdaptiveMfaTriggered" -> "\"adaptiveMfaResult\":{\"requiresMfa\":true,\"triggeredRules\":"
          + "[{\"rule\":\"NewCountry\"}]}," + interaction("SignIn");
      case "User.Created" -> apiCall("POST", "/users", 200, "{}", "/users") + "\"data\":" + USER + ",";
      case "User.Deleted" -> API + "\"data\":" + USER + "," + apiCall("DELETE", "/users/u1", 204,
          "{\"userId\":\"u1\"}", "/users/:userId").substring(API.length());
      case "User.Data.Updated" -> apiCall("PATCH", "/users/u1/profile", 200, "{\"userId\":\"u1\"}",
          "/users/:userId/profile") + "\"data\":{\"nickname\":\"annie\"},";
      case "User.SuspensionStatus.Updated" -> apiCall("PATCH", "/users/u1/is-suspended", 200,
          "{\"userId\":\"u1\"}", "/users/:userId/is-suspended") + "\"data\":" + USER.replace("\"isSuspended\":false",
          "\"isSuspended\":true") + ",";
      case "Role.Created" -> apiCall("POST", "/roles", 200, "{}", "/roles") + "\"data\":" + role + ",";
      case "Role.Deleted" -> apiCall("DELETE", "/roles/r1", 204, "{\"0\":\"/r1\",\"id\":\"r1\"}", "/roles/:id");
      case "Role.Data.Updated" -> apiCall("PATCH", "/roles/r1", 200, "{\"0\":\"/r1\",\"id\":\"r1\"}", "/roles/:id")
          + "\"data\":" + role + ",";
      case "Role.Scopes.Updated" -> apiCall("DELETE", "/roles/r1/scopes/sc1", 204,
          "{\"0\":\"/r1/scopes/sc1\",\"id\":\"r1\",\"scopeId\":\"sc1\"}", "/roles/:id/scopes/:scopeId");
      case "Scope.Created" -> apiCall("POST", "/resources/res1/scopes", 201, "{\"resourceId\":\"res1\"}",
          "/resources/:resourceId/scopes") + "\"data\":" + scope + ",";
      case "Scope.Deleted" -> apiCall("DELETE", "/resources/res1/scopes/sc1", 204,
          "{\"resourceId\":\"res1\",\"scopeId\":\"sc1\"}", "/resources/:resourceId/scopes/:scopeId");
      case "Scope.Data.Updated" -> apiCall("PATCH", "/resources/res1/scopes/sc1", 200,
          "{\"resourceId\":\"res1\",\"scopeId\":\"sc1\"}", "/resources/:resourceId/scopes/:scopeId")
          + "\"data\":" + scope + ",";
      case "Organization.Created" -> apiCall("POST", "/organizations", 201, "{}", "/organizations")
          + "\"data\":" + organization + ",";
      case "Organization.Deleted" -> apiCall("DELETE", "/organizations/org1", 204, "{\"id\":\"org1\"}",
          "/organizations/:id");
      case "Organization.Data.Updated" -> apiCall("PATCH", "/organizations/org1", 200, "{\"id\":\"org1\"}",
          "/organizations/:id") + "\"data\":" + organization + ",";
      case "Organization.Membership.Updated" -> apiCall("PUT", "/organizations/org1/users", 204, "{\"id\":\"org1\"}",
          "/organizations/:id/users") + "\"organizationId\":\"org1\",\"addedUserIds\":[\"u2\",\"u3\"],"
          + "\"removedUserIds\":[\"u1\"],";
      case "OrganizationRole.Created" -> apiCall("POST", "/organization-roles", 201, "{}", "/organization-roles")
          + "\"data\":" + organizationRole + ",";
      case "OrganizationRole.Deleted" -> apiCall("DELETE", "/organization-roles/or1", 204, "{\"id\":\"or1\"}",
          "/organization-roles/:id");
      case "OrganizationRole.Data.Updated" -> apiCall("PATCH", "/organization-roles/or1", 200, "{\"id\":\"or1\"}",
          "/organization-roles/:id") + "\"data\":" + organizationRole + ",";
      case "OrganizationRole.Scopes.Updated" -> apiCall("PUT", "/organization-roles/or1/scopes", 204,
          "{\"id\":\"or1\"}", "/organization-roles/:id/scopes");
      case "OrganizationScope.Created" -> apiCall("POST", "/organization-scopes", 201, "{}", "/organization-scopes")
          + "\"data\":" + organizationScope + ",";
      case "OrganizationScope.Deleted" -> apiCall("DELETE", "/organization-scopes/os1", 204, "{\"id\":\"os1\"}",
          "/organization-scopes/:id");
      case "OrganizationScope.Data.Updated" -> apiCall("PATCH", "/organization-scopes/os1", 200, "{\"id\":\"os1\"}",
          "/organization-scopes/:id") + "\"data\":" + organizationScope + ",";
      case "Identifier.Lockout" -> INTERACTION + "\"type\":\"email\",\"value\":\"ann@example.org\",";
      case "Message.RateLimited" -> INTERACTION + "\"action\":\"VerificationCodeSend\",\"recipient\":\"+15550100\",";
      case "Grant.LimitExceeded" -> API + "\"application\":{\"id\":\"app1\",\"type\":\"Traditional\",\"name\":\"Shop\","
          + "\"description\":null},\"userId\":\"u1\",\"applicationId\":\"app1\",\"revokedGrantIds\":[\"g1\",\"g2\"],"
          + "\"maxAllowedGrants\":3,\"preRevocationActiveGrantCount\":5,";
      default -> throw new AssertionError("no source payload for " + event);
    };
    return "{\"event\":\"" + event + "\"," + fields + "\"hookId\":\"hook1\"}";
  }
}

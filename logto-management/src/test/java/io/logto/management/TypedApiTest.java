package io.logto.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.logto.management.core.JsonField;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.Pagination;
import io.logto.management.core.RequestOptions;
import io.logto.management.core.TokenProvider;
import io.logto.management.model.Application;
import io.logto.management.model.ApplicationIds;
import io.logto.management.model.ApplicationType;
import io.logto.management.model.BackupCodes;
import io.logto.management.model.CreateSamlAuthnRequest;
import io.logto.management.model.CreateUserMfaVerificationRequestTotp;
import io.logto.management.model.CreateUserRequest;
import io.logto.management.model.ListApplicationsParams;
import io.logto.management.model.ListUsersParams;
import io.logto.management.model.MfaVerificationSecret;
import io.logto.management.model.TotpSecret;
import io.logto.management.model.UpdateUserRequest;
import io.logto.management.model.User;
import io.logto.management.service.UsersService;
import io.logto.management.testsupport.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated API as a user writes it, against a loopback server, with literal expectations. */
final class TypedApiTest {
  private static final String USER =
      "{\"id\":\"u1\",\"username\":\"ann\",\"primaryEmail\":null,\"primaryPhone\":null,\"name\":null,"
          + "\"avatar\":null,\"customData\":{\"plan\":\"pro\"},\"identities\":{},\"lastSignInAt\":null,"
          + "\"createdAt\":1700000000000,\"updatedAt\":1700000000001,\"profile\":{},"
          + "\"applicationId\":null,\"cimdClientId\":null,\"isSuspended\":false,\"futureField\":[1,2]}";

  private TestServer server;
  private LogtoManagement logto;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start();
    logto =
        LogtoManagement.of(
            LogtoClient.builder()
                .baseUrl(server.baseUrl())
                .tokenProvider(TokenProvider.of(() -> "t0ken"))
                .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void getUserDecodesTypedFieldsAndKeepsUnknownOnes() throws Exception {
    server.enqueue(TestServer.Reply.json(200, USER));
    User user = logto.users().get("u1");
    TestServer.Recorded seen = server.takeRequests().get(0);
    assertThat(seen.method()).isEqualTo("GET");
    assertThat(seen.path()).isEqualTo("/api/users/u1");
    assertThat(seen.header("Authorization").orElseThrow()).isEqualTo("Bearer t0ken");
    assertThat(user.id()).isEqualTo("u1");
    assertThat(user.username()).isEqualTo("ann");
    assertThat(user.createdAt()).isEqualTo(java.time.Instant.ofEpochMilli(1_700_000_000_000L));
    assertThat(user.customData().get("plan").asText()).isEqualTo("pro");
    assertThat(user.additionalProperties()).containsOnlyKeys("futureField");
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.readTree(mapper.writeValueAsString(user))).isEqualTo(mapper.readTree(USER));
  }

  @Test
  void decodedCollectionsAreReadOnly() {
    server.enqueue(
        TestServer.Reply.json(
            200,
            USER.replace("\"identities\":{}", "\"identities\":{\"github\":{\"userId\":\"g1\"}}")
                .replace("\"futureField\"", "\"ssoIdentities\":[],\"futureField\"")));
    User user = logto.users().get("u1");
    assertThat(user.identities().get("github").userId()).isEqualTo("g1");
    assertThatThrownBy(() -> user.identities().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> user.ssoIdentities().add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builtRecordsKeepACopyOfTheCollectionsTheBuilderWasGiven() {
    List<String> ids = new ArrayList<>(List.of("a1"));
    ApplicationIds.Builder builder = ApplicationIds.builder().applicationIds(ids);
    ApplicationIds request = builder.build();
    ids.add("a2");
    builder.additionalProperty("later", JsonNodeFactory.instance.booleanNode(true));
    assertThat(request.applicationIds()).containsExactly("a1");
    assertThat(request.additionalProperties()).isEmpty();
    assertThat(builder.build().additionalProperties()).containsOnlyKeys("later");
    assertThat(builder.build().applicationIds()).containsExactly("a1", "a2");
    assertThatThrownBy(() -> request.applicationIds().add("a3"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(request.toBuilder().build()).isEqualTo(request);
  }

  @Test
  void aServiceIsCreatedOnFirstUseThenReused() {
    server.enqueue(TestServer.Reply.json(200, USER));
    UsersService users = logto.users();
    assertThat(logto.users()).isSameAs(users);
    assertThat(users.get("u1").id()).isEqualTo("u1");
  }

  @Test
  void updateUserSendsExplicitNullAndLeavesAbsentFieldsOut() throws Exception {
    server.enqueue(TestServer.Reply.json(200, USER));
    logto.users().update("u1", UpdateUserRequest.builder().name("Ann").avatar(JsonField.ofNull()).build());
    TestServer.Recorded seen = server.takeRequests().get(0);
    assertThat(seen.method()).isEqualTo("PATCH");
    assertThat(seen.path()).isEqualTo("/api/users/u1");
    assertThat(seen.bodyText()).isEqualTo("{\"name\":\"Ann\",\"avatar\":null}");
  }

  @Test
  void createUserRequiresNothingTheServerDefaultsAndSendsOnlyWhatWasSet() {
    server.enqueue(TestServer.Reply.json(200, USER));
    logto.users()
        .create(
            CreateUserRequest.builder()
                .username("ann")
                .customData(JsonNodeFactory.instance.objectNode().put("plan", "pro"))
                .build());
    assertThat(server.takeRequests().get(0).bodyText())
        .isEqualTo("{\"username\":\"ann\",\"customData\":{\"plan\":\"pro\"}}");
  }

  @Test
  void listUsersSendsExplodedSearchParametersAsTheirOwnKeys() {
    server.enqueue(TestServer.Reply.json(200, "[" + USER + "]"));
    List<User> users =
        logto.users()
            .list(
                ListUsersParams.builder()
                    .searchParam("search.primaryEmail", "rec2@example.com")
                    .searchParam("mode.primaryEmail", "exact")
                    .page(2)
                    .pageSize(3)
                    .build());
    assertThat(users).extracting(User::id).containsExactly("u1");
    assertThatThrownBy(() -> users.get(0).additionalProperties().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(server.takeRequests().get(0).query())
        .isEqualTo("page=2&page_size=3&search.primaryEmail=rec2%40example.com&mode.primaryEmail=exact");
  }

  @Test
  void listApplicationsRepeatsTheTypesParameter() {
    server.enqueue(TestServer.Reply.json(200, "[]"));
    logto.applications()
        .list(ListApplicationsParams.builder().types(List.of(ApplicationType.SPA, ApplicationType.NATIVE)).build());
    assertThat(server.takeRequests().get(0).query()).isEqualTo("types=SPA&types=Native");
  }

  @Test
  void enumValuesANewerLogtoAddsKeepTheirTextThroughDecodeAndEncode() throws Exception {
    server.enqueue(TestServer.Reply.json(200,
        "[{\"id\":\"a1\",\"name\":\"x\",\"type\":\"Quantum\"},{\"id\":\"a2\",\"name\":\"y\",\"type\":\"SPA\"}]"));
    List<Application> apps = logto.applications().list(ListApplicationsParams.builder().build());

    ApplicationType quantum = apps.get(0).type();
    assertThat(quantum.value()).isEqualTo("Quantum");
    assertThat(quantum.known()).isEqualTo(ApplicationType.Known.UNKNOWN);
    assertThat(quantum.isKnown()).isFalse();
    assertThat(quantum).isEqualTo(ApplicationType.fromValue("Quantum")).isNotEqualTo(ApplicationType.SPA);
    assertThat(apps.get(1).type()).isSameAs(ApplicationType.SPA);
    assertThat(apps.get(1).type().known()).isEqualTo(ApplicationType.Known.SPA);
    // a read-modify-write sends the value back as it came
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.readTree(mapper.writeValueAsString(apps.get(0))).get("type").asText()).isEqualTo("Quantum");
    // and a value this version does not list can still be asked for
    server.enqueue(TestServer.Reply.json(200, "[]"));
    logto.applications().list(ListApplicationsParams.builder().types(List.of(quantum, ApplicationType.SAML)).build());
    assertThat(server.takeRequests().get(1).query()).isEqualTo("types=Quantum&types=SAML");
  }

  @Test
  void asyncFormsSendTheSameRequestsAndCompleteTheirFutures() throws Exception {
    server.enqueue(TestServer.Reply.json(200, USER));
    User user = logto.async().users().get("u1").get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(user.username()).isEqualTo("ann");

    server.enqueue(TestServer.Reply.json(200, "[" + USER + "]"));
    List<User> users = logto.async().users().list(ListUsersParams.builder().page(2).pageSize(3).build())
        .get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(users).extracting(User::id).containsExactly("u1");

    server.enqueue(TestServer.Reply.status(204));
    assertThat(logto.async().users().delete("u1").get(10, java.util.concurrent.TimeUnit.SECONDS)).isNull();

    server.enqueue(TestServer.Reply.json(404, "{\"code\":\"entity.not_found\",\"message\":\"gone\"}"));
    assertThat(logto.async().users().get("u2")).failsWithin(java.time.Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(io.logto.management.core.LogtoNotFoundException.class);

    List<TestServer.Recorded> seen = server.takeRequests();
    assertThat(seen).extracting(TestServer.Recorded::method).containsExactly("GET", "GET", "DELETE", "GET");
    assertThat(seen).extracting(TestServer.Recorded::path)
        .containsExactly("/api/users/u1", "/api/users", "/api/users/u1", "/api/users/u2");
    assertThat(seen.get(1).query()).isEqualTo("page=2&page_size=3");
    // bad arguments fail at once, before any request
    assertThatThrownBy(() -> logto.async().users().get(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void componentsThatMayBeNullAreMarkedNullableAndNoOthers() {
    // required and non-null: never marked
    assertThat(nullable(User.class, "id")).isFalse();
    assertThat(nullable(User.class, "createdAt")).isFalse();
    // required but nullable, and optional: marked
    assertThat(nullable(User.class, "primaryEmail")).isTrue();
    assertThat(nullable(CreateUserRequest.class, "username")).isTrue();
    // optional and nullable is a JsonField (absent instead of null), and the catch-all map is never null
    assertThat(nullable(UpdateUserRequest.class, "avatar")).isFalse();
    assertThat(nullable(User.class, "additionalProperties")).isFalse();
    assertThat(nullable(ListUsersParams.class, "page")).isTrue();
  }

  private static boolean nullable(Class<? extends Record> type, String component) {
    return java.util.Arrays.stream(type.getRecordComponents())
        .filter(c -> c.getName().equals(component))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type.getSimpleName() + " has no component " + component))
        .getAnnotatedType()
        .isAnnotationPresent(org.jspecify.annotations.Nullable.class);
  }

  @Test
  void knownEnumValuesAreConstantsInDocumentOrder() {
    assertThat(ApplicationType.fromValue("MachineToMachine")).isSameAs(ApplicationType.MACHINE_TO_MACHINE);
    assertThat(ApplicationType.MACHINE_TO_MACHINE).hasToString("MachineToMachine");
    assertThat(ApplicationType.knownValues()).extracting(ApplicationType::value)
        .containsExactly("Native", "SPA", "Traditional", "MachineToMachine", "Protected", "SAML");
    assertThat(ApplicationType.knownValues()).extracting(ApplicationType::known)
        .doesNotContain(ApplicationType.Known.UNKNOWN).doesNotHaveDuplicates();
    assertThatThrownBy(() -> ApplicationType.fromValue(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("value");
  }

  @Test
  void listAllWalksPagesLazilyWithPageAndPageSize() {
    server.enqueue(
        TestServer.Reply.text(
                200,
                "application/json",
                "[" + USER + "," + USER.replace("\"u1\"", "\"u2\"") + "]")
            .header("Total-Number", "3")
            .header("Link", "<http://localhost/users?page=2&page_size=2>; rel=\"next\""));
    server.enqueue(
        TestServer.Reply.text(
            200, "application/json", "[" + USER.replace("\"u1\"", "\"u3\"") + "]").header("Total-Number", "3"));
    List<String> ids =
        logto.users()
            .listAll(ListUsersParams.builder().build(), Pagination.of(1, 2), RequestOptions.defaults())
            .stream()
            .map(User::id)
            .toList();
    assertThat(ids).containsExactly("u1", "u2", "u3");
    assertThat(server.takeRequests())
        .extracting(TestServer.Recorded::query)
        .containsExactly("page=1&page_size=2", "page=2&page_size=2");
  }

  @Test
  void deleteUserAnswersNothing() {
    server.enqueue(TestServer.Reply.status(204));
    logto.users().delete("u 1/x");
    TestServer.Recorded seen = server.takeRequests().get(0);
    assertThat(seen.method()).isEqualTo("DELETE");
    assertThat(seen.path()).isEqualTo("/api/users/u%201%2Fx");
  }

  @Test
  void samlBodyMultipartAndXmlAreSentAsTheDocumentSays() {
    server.enqueue(TestServer.Reply.json(200, "{}"));
    logto.samlApplicationsAuthFlow()
        .createSamlAuthn("app1", CreateSamlAuthnRequest.builder().samlRequest("PHNhbWw+").relayState("s t").build());
    TestServer.Recorded form = server.takeRequests().get(0);
    assertThat(form.path()).isEqualTo("/api/saml/app1/authn");
    // the document offers JSON first and form second for this body; the generator takes the first
    assertThat(form.header("Content-type").orElseThrow()).startsWith("application/json");
    assertThat(form.bodyText()).isEqualTo("{\"SAMLRequest\":\"PHNhbWw+\",\"RelayState\":\"s t\"}");

    server.enqueue(TestServer.Reply.json(200, "{\"url\":\"https://cdn/x.png\"}"));
    var asset = logto.userAssets().create("x.png", "image/png", new byte[] {1, 2, 3});
    TestServer.Recorded upload = server.takeRequests().get(0);
    assertThat(upload.header("Content-type").orElseThrow()).startsWith("multipart/form-data; boundary=");
    assertThat(new String(upload.body(), StandardCharsets.ISO_8859_1))
        .contains("name=\"file\"; filename=\"x.png\"")
        .contains("Content-Type: image/png");
    assertThat(asset.url()).isEqualTo("https://cdn/x.png");

    server.enqueue(TestServer.Reply.text(200, "text/xml", "<EntityDescriptor/>"));
    assertThat(logto.samlApplications().listMetadata("app1")).isEqualTo("<EntityDescriptor/>");
    assertThat(server.takeRequests().get(0).header("Accept").orElseThrow()).isEqualTo("text/xml");
  }

  @Test
  void oneOfAnswersDecodeIntoTheMatchingShapeElseKeepTheJson() {
    server.enqueue(TestServer.Reply.json(200, "{\"type\":\"BackupCode\",\"codes\":[\"a\",\"b\"]}"));
    server.enqueue(TestServer.Reply.json(200, "{\"type\":\"Totp\",\"secret\":\"S\",\"secretQrCode\":\"Q\"}"));
    server.enqueue(TestServer.Reply.json(200, "{\"type\":\"WebAuthn\",\"id\":1}"));
    var body = new CreateUserMfaVerificationRequestTotp("Totp", null, null);

    var backup = logto.users().createMfaVerification("u1", body);
    var totp = logto.users().createMfaVerification("u1", body);
    var future = logto.users().createMfaVerification("u1", body);

    assertThat(backup).isInstanceOfSatisfying(
        BackupCodes.class, b -> assertThat(b.codes()).containsExactly("a", "b"));
    assertThat(totp).isInstanceOfSatisfying(
        TotpSecret.class, t -> assertThat(t.secretQrCode()).isEqualTo("Q"));
    assertThat(future).isInstanceOfSatisfying(
        MfaVerificationSecret.Json.class, j -> assertThat(j.json().get("id").asInt()).isEqualTo(1));
    assertThat(server.takeRequests()).extracting(TestServer.Recorded::bodyText).containsOnly("{\"type\":\"Totp\"}");
  }

  @Test
  void badArgumentsFailBeforeAnyRequest() {
    assertThatThrownBy(() -> logto.users().get(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userId");
    assertThatThrownBy(() -> logto.users().update("u1", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("body == null");
    assertThat(server.takeRequests()).isEmpty();
  }
}

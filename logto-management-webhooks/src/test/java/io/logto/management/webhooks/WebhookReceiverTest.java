package io.logto.management.webhooks;

import static io.logto.management.webhooks.Signing.bytes;
import static io.logto.management.webhooks.Signing.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.logto.management.webhooks.WebhookVerificationException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Verification: every way a delivery can be refused, key rotation, the size limit and the replay window. */
class WebhookReceiverTest {
  private static final String KEY = "k3yOfTheHookAbcdefghijklmnopqrst";
  private static final String OTHER_KEY = "anotherKeyAbcdefghijklmnopqrstuv";
  private static final String BODY = "{\"event\":\"User.Created\",\"createdAt\":\"2026-12-07T00:42:30.682Z\","
      + "\"userAgent\":\"curl/7.88.1\",\"ip\":\"127.0.0.1\",\"path\":\"/users\",\"method\":\"POST\",\"status\":200,"
      + "\"params\":{},\"matchedRoute\":\"/users\",\"data\":{\"id\":\"u1\",\"username\":\"secretive-user\","
      + "\"primaryEmail\":null,\"primaryPhone\":null,\"name\":null,\"avatar\":null,\"customData\":{},"
      + "\"identities\":{},\"lastSignInAt\":null,\"createdAt\":1796604150657,\"updatedAt\":1796604150657,"
      + "\"profile\":{},\"applicationId\":null,\"cimdClientId\":null,\"isSuspended\":false,\"hasPassword\":false},"
      + "\"hookId\":\"hook1\"}";
  private static final Instant CREATED_AT = Instant.parse("2026-12-07T00:42:30.682Z");

  private final WebhookReceiver receiver = WebhookReceiver.builder().signingKey(KEY).build();

  @Test
  void aSignedBodyVerifiesAndDecodes() {
    WebhookEvent event = receiver.receive(bytes(BODY), sign(KEY, bytes(BODY)));

    assertThat(event).isInstanceOfSatisfying(UserCreated.class, created -> {
      assertThat(created.data().id()).isEqualTo("u1");
      assertThat(created.createdAt()).isEqualTo(CREATED_AT);
      assertThat(created.hookId()).isEqualTo("hook1");
      assertThat(created.origin().apiCall()).isEqualTo(
          new ManagementApiCall("POST", "/users", 200, Map.of(), "/users"));
    });
  }

  @Test
  void theSignatureIsAcceptedInUpperCaseAndWithSurroundingBlanks() {
    String signature = " " + sign(KEY, bytes(BODY)).toUpperCase(Locale.ROOT) + " ";

    assertThat(receiver.receive(bytes(BODY), signature)).isInstanceOf(UserCreated.class);
  }

  @Test
  void oneFlippedByteOfTheBodyIsRefused() {
    String signature = sign(KEY, bytes(BODY));
    for (int i = 0; i < BODY.length(); i += 37) {
      byte[] body = bytes(BODY);
      body[i] ^= 0x01;
      assertRefused(() -> receiver.receive(body, signature), Reason.SIGNATURE_MISMATCH);
    }
  }

  @Test
  void oneFlippedDigitOfTheSignatureIsRefused() {
    char[] signature = sign(KEY, bytes(BODY)).toCharArray();
    signature[10] = signature[10] == '0' ? '1' : '0';

    assertRefused(() -> receiver.receive(bytes(BODY), new String(signature)), Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void aBodySignedWithAnotherKeyIsRefused() {
    assertRefused(() -> receiver.receive(bytes(BODY), sign(OTHER_KEY, bytes(BODY))), Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void aMissingOrBlankHeaderIsRefused() {
    assertRefused(() -> receiver.receive(bytes(BODY), null), Reason.SIGNATURE_MISSING);
    assertRefused(() -> receiver.receive(bytes(BODY), "  "), Reason.SIGNATURE_MISSING);
  }

  @Test
  void aHeaderThatIsNotAHexDigestIsRefusedAsMalformed() {
    String signature = sign(KEY, bytes(BODY));
    assertRefused(() -> receiver.receive(bytes(BODY), signature.substring(1)), Reason.SIGNATURE_MALFORMED);
    assertRefused(() -> receiver.receive(bytes(BODY), signature + "00"), Reason.SIGNATURE_MALFORMED);
    assertRefused(() -> receiver.receive(bytes(BODY), "sha256=" + signature), Reason.SIGNATURE_MALFORMED);
    assertRefused(() -> receiver.receive(bytes(BODY), "z" + signature.substring(1)), Reason.SIGNATURE_MALFORMED);
  }

  @Test
  void aReSerialisedBodyIsRefused() throws IOException {
    // what a framework that parses the JSON and writes it again would hand over
    ObjectMapper mapper = new ObjectMapper();
    JsonNode parsed = mapper.readTree(BODY);
    String signature = sign(KEY, bytes(BODY));
    byte[] pretty = mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(parsed);
    byte[] sorted = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .writeValueAsBytes(mapper.convertValue(parsed, Map.class));

    assertRefused(() -> receiver.receive(pretty, signature), Reason.SIGNATURE_MISMATCH);
    assertRefused(() -> receiver.receive(sorted, signature), Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItsSignatureIsChecked() {
    WebhookReceiver small = WebhookReceiver.builder().signingKey(KEY).maxBodyBytes(BODY.length() - 1).build();
    WebhookReceiver exact = WebhookReceiver.builder().signingKey(KEY).maxBodyBytes(BODY.length()).build();

    assertRefused(() -> small.receive(bytes(BODY), sign(KEY, bytes(BODY))), Reason.BODY_TOO_LARGE);
    assertRefused(() -> small.receive(bytes(BODY), null), Reason.BODY_TOO_LARGE);
    assertThat(exact.receive(bytes(BODY), sign(KEY, bytes(BODY)))).isInstanceOf(UserCreated.class);
  }

  @Test
  void aStreamedBodyIsReadOnlyOneByteBeyondTheLimit() throws IOException {
    WebhookReceiver limited = WebhookReceiver.builder().signingKey(KEY).maxBodyBytes(1000).build();
    CountingStream endless = new CountingStream();

    assertRefused(() -> limited.receive(endless, "00"), Reason.BODY_TOO_LARGE);
    assertThat(endless.read).isEqualTo(1001);

    InputStream body = new ByteArrayInputStream(bytes(BODY));
    assertThat(receiver.receive(body, sign(KEY, bytes(BODY)))).isInstanceOf(UserCreated.class);
  }

  @Test
  void duringARotationBothKeysVerifyAndTheOrderDoesNotMatter() {
    WebhookReceiver rotating = WebhookReceiver.builder().signingKeys(List.of(OTHER_KEY, KEY)).build();

    assertThat(rotating.receive(bytes(BODY), sign(KEY, bytes(BODY)))).isInstanceOf(UserCreated.class);
    assertThat(rotating.receive(bytes(BODY), sign(OTHER_KEY, bytes(BODY)))).isInstanceOf(UserCreated.class);
    assertRefused(() -> rotating.receive(bytes(BODY), sign("a third key", bytes(BODY))), Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void theReplayWindowIsMeasuredWithTheInjectedClockInBothDirections() {
    Duration window = Duration.ofMinutes(5);
    String signature = sign(KEY, bytes(BODY));

    assertThat(at(CREATED_AT.plus(window), window).receive(bytes(BODY), signature)).isInstanceOf(UserCreated.class);
    assertThat(at(CREATED_AT.minus(window), window).receive(bytes(BODY), signature)).isInstanceOf(UserCreated.class);
    assertRefused(() -> at(CREATED_AT.plus(window).plusMillis(1), window).receive(bytes(BODY), signature),
        Reason.TOO_OLD);
    assertRefused(() -> at(CREATED_AT.minus(window).minusMillis(1), window).receive(bytes(BODY), signature),
        Reason.TOO_OLD);
    // off by default: a year-old delivery verifies
    WebhookReceiver noWindow = WebhookReceiver.builder().signingKey(KEY)
        .clock(Clock.fixed(CREATED_AT.plus(Duration.ofDays(365)), ZoneOffset.UTC)).build();
    assertThat(noWindow.receive(bytes(BODY), signature)).isInstanceOf(UserCreated.class);
  }

  @Test
  void theReplayWindowIsCheckedOnlyAfterTheSignature() {
    WebhookReceiver late = at(CREATED_AT.plus(Duration.ofHours(1)), Duration.ofMinutes(5));

    assertRefused(() -> late.verify(bytes(BODY), sign(OTHER_KEY, bytes(BODY))), Reason.SIGNATURE_MISMATCH);
    assertRefused(() -> late.verify(bytes(BODY), sign(KEY, bytes(BODY))), Reason.TOO_OLD);
  }

  @Test
  void aSignedBodyThatIsNoWebhookPayloadIsRefusedAsMalformedWithoutQuotingIt() {
    for (String body : List.of("not json at all secretive-user", "[1,2]", "{\"event\":\"User.Created\"}",
        "{\"event\":\"User.Created\",\"createdAt\":\"yesterday\",\"hookId\":\"h\",\"data\":{}}",
        "{\"event\":\"User.Created\",\"createdAt\":\"2026-12-07T00:42:30.682Z\",\"hookId\":\"h\"}",
        "{\"event\":\"Role.Scopes.Updated\",\"createdAt\":\"2026-12-07T00:42:30.682Z\",\"hookId\":\"h\","
            + "\"data\":{\"secretive-user\":1}}")) {
      Throwable refused = assertRefused(() -> receiver.receive(bytes(body), sign(KEY, bytes(body))),
          Reason.BODY_MALFORMED);
      assertThat(refused.getMessage()).doesNotContain("secretive-user").doesNotContain("yesterday");
    }
  }

  @Test
  void messagesAndToStringNeverShowTheBodyAKeyOrTheSignature() {
    String signature = sign(KEY, bytes(BODY));
    WebhookReceiver rotating = WebhookReceiver.builder().signingKeys(List.of(OTHER_KEY, KEY))
        .replayWindow(Duration.ofMinutes(1)).clock(Clock.fixed(CREATED_AT.plusSeconds(3600), ZoneOffset.UTC)).build();
    List<ThrowingCallable> refusals = List.of(
        () -> receiver.receive(bytes(BODY.replace("u1", "u2")), signature),
        () -> receiver.receive(bytes(BODY), signature.substring(3)),
        () -> receiver.receive(bytes(BODY), "x" + signature.substring(1)),
        () -> rotating.receive(bytes(BODY), signature));
    for (ThrowingCallable refusal : refusals) {
      assertThatThrownBy(refusal).isInstanceOf(WebhookVerificationException.class).satisfies(e ->
          assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain(OTHER_KEY).doesNotContain("secretive-user")
              .doesNotContain(signature.substring(3, 20)));
    }
    assertThat(rotating.toString()).doesNotContain(KEY).doesNotContain(OTHER_KEY).contains("signingKeys=2");
  }

  @Test
  void theBuilderRefusesWhatCannotWork() {
    assertThatThrownBy(() -> WebhookReceiver.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("signing key");
    assertThatThrownBy(() -> WebhookReceiver.builder().signingKeys(List.of(KEY, " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#1").hasMessageNotContaining(KEY);
    assertThatThrownBy(() -> WebhookReceiver.builder().maxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(() -> WebhookReceiver.builder().replayWindow(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
  }

  @Test
  void eachReasonNamesTheStatusAnEndpointAnswers() {
    assertThat(Reason.SIGNATURE_MISSING.httpStatus()).isEqualTo(401);
    assertThat(Reason.SIGNATURE_MALFORMED.httpStatus()).isEqualTo(401);
    assertThat(Reason.SIGNATURE_MISMATCH.httpStatus()).isEqualTo(401);
    assertThat(Reason.TOO_OLD.httpStatus()).isEqualTo(401);
    assertThat(Reason.BODY_TOO_LARGE.httpStatus()).isEqualTo(413);
    assertThat(Reason.BODY_MALFORMED.httpStatus()).isEqualTo(400);
  }

  private static WebhookReceiver at(Instant now, Duration window) {
    return WebhookReceiver.builder().signingKey(KEY).replayWindow(window).clock(Clock.fixed(now, ZoneOffset.UTC))
        .build();
  }

  private static Throwable assertRefused(ThrowingCallable call, Reason reason) {
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class, e -> {
      assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
      thrown[0] = e;
    });
    return thrown[0];
  }

  /** An endless body that counts the bytes read from it. */
  private static final class CountingStream extends InputStream {
    private long read;

    @Override
    public int read() {
      read++;
      return '{';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      Arrays.fill(buffer, offset, offset + length, (byte) ' ');
      read += length;
      return length;
    }
  }
}

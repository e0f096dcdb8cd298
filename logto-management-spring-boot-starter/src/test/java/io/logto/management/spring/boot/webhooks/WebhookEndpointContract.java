package io.logto.management.spring.boot.webhooks;

import static io.logto.management.spring.boot.webhooks.SignedDeliveries.post;
import static io.logto.management.spring.boot.webhooks.SignedDeliveries.sign;
import static io.logto.management.spring.boot.webhooks.SignedDeliveries.userCreated;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.logto.management.webhooks.UnknownEvent;
import io.logto.management.webhooks.UserCreated;
import io.logto.management.webhooks.WebhookEvent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * What the endpoint answers over real HTTP, and what it publishes and logs; run on Spring MVC and on
 * WebFlux by the subclasses. One application per class, on a free port, with a fixed clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookEndpointContract {
  static final String OLD_KEY = "old-signing-key-Qm27vX";
  static final String NEW_KEY = "new-signing-key-Zr94bK";
  static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
  private static final String PATH = "/hooks/logto";
  private static final int MAX_BODY_BYTES = 4096;

  private final AtomicInteger ids = new AtomicInteger();
  private ConfigurableApplicationContext context;
  private CapturedLogs logs;
  private URI endpoint;
  private int port;

  abstract WebApplicationType webApplicationType();

  @BeforeAll
  void start() {
    context = new SpringApplicationBuilder(App.class).properties(
        "spring.main.web-application-type=" + webApplicationType().name().toLowerCase(java.util.Locale.ROOT),
        "spring.main.banner-mode=off", "server.port=0",
        "logto.management.tenant-id=t", "logto.management.client-id=app",
        "logto.management.client-secret=client-secret-not-used",
        "logto.webhooks.enabled=true", "logto.webhooks.path=" + PATH,
        "logto.webhooks.signing-keys=" + OLD_KEY + "," + NEW_KEY,
        "logto.webhooks.max-body-size=" + MAX_BODY_BYTES + "B", "logto.webhooks.replay-window=5m",
        "management.endpoints.web.exposure.include=env,configprops",
        "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
        "logging.level.io.logto=TRACE", "logging.level.org.springframework.web=DEBUG")
        .run();
    port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    endpoint = URI.create("http://127.0.0.1:" + port + PATH);
    // after start-up: Spring Boot resets Logback while it starts
    logs = new CapturedLogs();
    logs.start();
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
  }

  @AfterAll
  void stop() {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logs);
    context.close();
  }

  private String newUserId() {
    return "user" + ids.incrementAndGet() + webApplicationType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private Listeners listeners() {
    return context.getBean(Listeners.class);
  }

  private List<String> publishedUserIds() {
    return listeners().all.stream().filter(UserCreated.class::isInstance)
        .map(event -> ((UserCreated) event).data().id()).toList();
  }

  @Test
  void verifiedDeliveryIsPublishedAsItsTypedRecordAndAnswered204() throws Exception {
    String userId = newUserId();
    byte[] body = userCreated(userId, "ada", NOW);

    HttpResponse<String> response = post(endpoint, body, sign(body, NEW_KEY));

    assertThat(response.statusCode()).isEqualTo(204);
    UserCreated created = listeners().created.stream().filter(event -> event.data().id().equals(userId))
        .findFirst().orElseThrow();
    assertThat(created.data().username()).isEqualTo("ada");
    assertThat(created.createdAt()).isEqualTo(NOW);
    assertThat(created.hookId()).isEqualTo("hook-under-test");
    // a listener of the sealed interface gets every event, typed
    assertThat(listeners().all).contains(created);
  }

  @Test
  void eventThisVersionDoesNotKnowIsPublishedAsUnknownEvent() throws Exception {
    String hookId = "hook-" + newUserId();
    byte[] body = ("{\"event\":\"Tenant.Renamed\",\"createdAt\":\"" + NOW + "\",\"hookId\":\"" + hookId
        + "\",\"data\":{\"name\":\"new\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(post(endpoint, body, sign(body, NEW_KEY)).statusCode()).isEqualTo(204);
    assertThat(listeners().all).filteredOn(event -> event.hookId().equals(hookId)).singleElement()
        .isInstanceOfSatisfying(UnknownEvent.class, unknown -> {
          assertThat(unknown.event()).isEqualTo("Tenant.Renamed");
          assertThat(unknown.json().path("data").path("name").asText()).isEqualTo("new");
        });
  }

  @Test
  void signedBodyThatIsNoPayloadIsRefusedWith400() throws Exception {
    byte[] body = "[\"not\", \"a payload\"]".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    HttpResponse<String> response = post(endpoint, body, sign(body, NEW_KEY));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("BODY_MALFORMED");
  }

  @Test
  void eitherKeyOfARotationIsAccepted() throws Exception {
    String before = newUserId();
    String after = newUserId();
    byte[] oldSigned = userCreated(before, "grace", NOW);
    byte[] newSigned = userCreated(after, "grace", NOW);

    assertThat(post(endpoint, oldSigned, sign(oldSigned, OLD_KEY)).statusCode()).isEqualTo(204);
    assertThat(post(endpoint, newSigned, sign(newSigned, NEW_KEY)).statusCode()).isEqualTo(204);
    assertThat(publishedUserIds()).contains(before, after);
  }

  @Test
  void flippedByteIsRefusedWith401AndNothingIsPublished() throws Exception {
    String userId = newUserId();
    byte[] body = userCreated(userId, "mallory", NOW);
    String signature = sign(body, NEW_KEY);
    body[body.length / 2] ^= 1;

    HttpResponse<String> response = post(endpoint, body, signature);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("SIGNATURE_MISMATCH");
    assertThat(publishedUserIds()).doesNotContain(userId);
  }

  @Test
  void wrongKeyIsRefusedWith401() throws Exception {
    String userId = newUserId();
    byte[] body = userCreated(userId, "mallory", NOW);

    HttpResponse<String> response = post(endpoint, body, sign(body, "a-key-of-another-hook"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("SIGNATURE_MISMATCH");
    assertThat(publishedUserIds()).doesNotContain(userId);
  }

  @Test
  void missingOrMalformedSignatureIsRefusedWith401() throws Exception {
    String userId = newUserId();
    byte[] body = userCreated(userId, "mallory", NOW);

    HttpResponse<String> missing = post(endpoint, body, null);
    HttpResponse<String> malformed = post(endpoint, body, "not-hex");

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).isEqualTo("SIGNATURE_MISSING");
    assertThat(malformed.statusCode()).isEqualTo(401);
    assertThat(malformed.body()).isEqualTo("SIGNATURE_MALFORMED");
    assertThat(publishedUserIds()).doesNotContain(userId);
  }

  @Test
  void deliveryOlderThanTheReplayWindowIsRefusedWith401() throws Exception {
    String userId = newUserId();
    byte[] body = userCreated(userId, "ada", NOW.minus(Duration.ofMinutes(6)));

    HttpResponse<String> response = post(endpoint, body, sign(body, NEW_KEY));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("TOO_OLD");
    assertThat(publishedUserIds()).doesNotContain(userId);
  }

  @Test
  void bodyOverTheLimitIsRefusedWith413() throws Exception {
    String userId = newUserId();
    byte[] body = userCreated(userId, "x".repeat(MAX_BODY_BYTES), NOW);

    HttpResponse<String> response = post(endpoint, body, sign(body, NEW_KEY));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(publishedUserIds()).doesNotContain(userId);
  }

  @Test
  void declaredOversizedBodyIsRefusedWithoutWaitingForIt() throws Exception {
    // 100 MB declared, 16 bytes sent: the answer comes while the client still owes the rest
    assertThat(SignedDeliveries.statusLineOfUnfinishedPost(port, PATH, false, 16)).startsWith("HTTP/1.1 413");
  }

  @Test
  void chunkedBodyIsReadOnlyUpToTheLimit() throws Exception {
    // a chunked body that never ends: the endpoint stops reading past the limit and answers
    assertThat(SignedDeliveries.statusLineOfUnfinishedPost(port, PATH, true, 2 * MAX_BODY_BYTES))
        .startsWith("HTTP/1.1 413");
  }

  @Test
  void listenerThatThrowsMakesLogtoRecordTheDeliveryAsFailed() throws Exception {
    byte[] body = userCreated(newUserId(), Listeners.FAILING_USERNAME, NOW);

    HttpResponse<String> response = post(endpoint, body, sign(body, NEW_KEY));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("LISTENER_FAILED");
  }

  @Test
  void logsNameTheReasonAndTheEventButNeverABodyAKeyOrASignature() throws Exception {
    logs.clear();
    String canary = "canary" + newUserId();
    byte[] accepted = userCreated(newUserId(), canary, NOW);
    byte[] flipped = userCreated(newUserId(), canary, NOW);
    String flippedSignature = sign(flipped, NEW_KEY);
    flipped[10] ^= 1;
    byte[] failing = userCreated(canary, Listeners.FAILING_USERNAME, NOW);

    assertThat(post(endpoint, accepted, sign(accepted, NEW_KEY)).statusCode()).isEqualTo(204);
    assertThat(post(endpoint, flipped, flippedSignature).statusCode()).isEqualTo(401);
    assertThat(post(endpoint, failing, sign(failing, OLD_KEY)).statusCode()).isEqualTo(500);

    // the server may still be logging an exchange after its answer reached us (Spring's "Completed"
    // line is written once the response is committed), so wait for all three exchanges' last lines
    String logged = logs.awaitText(text -> text.contains("SIGNATURE_MISMATCH") && text.contains("User.Created")
        && text.contains("IllegalStateException") && occurrences(text, "Completed ") >= 3);
    assertThat(logged).contains("SIGNATURE_MISMATCH").contains("User.Created")
        .contains("IllegalStateException").contains(Listeners.class.getName());
    assertThat(logged).doesNotContain(canary).doesNotContain(OLD_KEY).doesNotContain(NEW_KEY)
        .doesNotContain(flippedSignature).doesNotContain(sign(accepted, NEW_KEY)).doesNotContain("primaryEmail");
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void actuatorEnvAndConfigpropsShowTheSettingsButMaskTheKeys() throws Exception {
    URI actuator = URI.create("http://127.0.0.1:" + port + "/actuator/");

    HttpResponse<String> env = SignedDeliveries.get(actuator.resolve("env"));
    HttpResponse<String> entry = SignedDeliveries.get(actuator.resolve("env/logto.webhooks.signing-keys"));
    HttpResponse<String> configprops = SignedDeliveries.get(actuator.resolve("configprops/logto.webhooks"));

    assertThat(env.statusCode()).isEqualTo(200);
    assertThat(env.body()).contains("logto.webhooks.signing-keys").contains(PATH).contains("******");
    assertThat(entry.statusCode()).isEqualTo(200);
    assertThat(configprops.statusCode()).isEqualTo(200);
    assertThat(configprops.body()).contains("signingKeys").contains(PATH).contains("******");
    for (HttpResponse<String> response : List.of(env, entry, configprops)) {
      assertThat(response.body()).doesNotContain(OLD_KEY).doesNotContain(NEW_KEY);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    Listeners listeners() {
      return new Listeners();
    }
  }

  static final class Listeners {
    static final String FAILING_USERNAME = "listener-fails-for-me";

    final List<UserCreated> created = new CopyOnWriteArrayList<>();
    final List<WebhookEvent> all = new CopyOnWriteArrayList<>();

    @EventListener
    void on(UserCreated event) {
      if (event.data().username().equals(FAILING_USERNAME)) {
        // the message quotes the event, as listeners' messages do; the endpoint must not log it
        throw new IllegalStateException("cannot welcome " + event);
      }
      created.add(event);
    }

    @EventListener
    void onAny(WebhookEvent event) {
      all.add(event);
    }
  }

  /**
   * Every event logged anywhere while a test runs. Server threads append while the test reads, so
   * the events are kept in a concurrent list (Logback's {@code ListAppender} keeps an
   * {@code ArrayList}, and reading it during an append threw ConcurrentModificationException).
   */
  static final class CapturedLogs extends AppenderBase<ILoggingEvent> {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      events.add(event);
    }

    void clear() {
      events.clear();
    }

    String text() {
      return events.stream().map(event -> event.getFormattedMessage()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
          .collect(Collectors.joining("\n"));
    }

    /** The text once {@code complete} holds for it, or as it is when patience runs out. */
    String awaitText(java.util.function.Predicate<String> complete) throws InterruptedException {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      String text = text();
      while (!complete.test(text) && System.nanoTime() - deadline < 0) {
        Thread.sleep(10);
        text = text();
      }
      return text;
    }
  }
}

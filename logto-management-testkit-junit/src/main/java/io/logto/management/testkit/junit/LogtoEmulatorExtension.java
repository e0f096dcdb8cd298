package io.logto.management.testkit.junit;

import static java.util.Objects.requireNonNull;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testkit.ClientCredentials;
import io.logto.management.testkit.LogtoEmulator;
import io.logto.management.testkit.SentMessage;
import io.logto.management.testkit.UserAsset;
import io.logto.management.testkit.WebhookDelivery;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link LogtoEmulator} per test class and injects it, a {@link LogtoClient} authenticated
 * as the emulator's default machine-to-machine client, and a {@link LogtoManagement} into test
 * constructors, lifecycle methods and test methods. The emulator is closed after the class's last
 * test; its state (users, roles, ...) lives as long as the class, so tests that need a clean store
 * create what they use with unique names. What the emulator sends out (e-mail/SMS messages such as
 * verification codes, webhook deliveries) is cleared before each test, so a test sees only what it
 * caused: {@link LogtoEmulator#sentMessages()}, {@link LogtoEmulator#webhookDeliveries()}, or the same
 * through this extension's {@link #sentMessages()} and {@link #webhookDeliveries()}.
 *
 * <p>Declarative use, with defaults:
 *
 * <pre>{@code
 * @ExtendWith(LogtoEmulatorExtension.class)
 * final class SignUpServiceTest {
 *   @Test
 *   void createsTheUser(LogtoManagement logto, LogtoEmulator emulator) { ... }
 *
 *   @Test
 *   void mailsACode(LogtoManagement logto, LogtoEmulator emulator) {
 *     // ... the code under test asks Logto to send a verification code ...
 *     String code = emulator.sentMessages().get(0).code().orElseThrow();
 *   }
 * }
 * }</pre>
 *
 * <p>Programmatic use, to configure the emulator or the client:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LogtoEmulatorExtension LOGTO = LogtoEmulatorExtension.builder()
 *     .emulator(emulator -> emulator.tokenLifetime(Duration.ofMinutes(5)))
 *     .client(client -> client.retryPolicy(RetryPolicy.none()))
 *     .build();
 * }</pre>
 */
public final class LogtoEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LogtoEmulatorExtension.class);

  private final Consumer<LogtoEmulator.Builder> emulatorSettings;
  private final UnaryOperator<LogtoClient.Builder> clientSettings;
  // the emulator this instance started last, for the accessors of a @RegisterExtension field
  private volatile LogtoEmulator lastStarted;

  /** The extension with default settings; what {@code @ExtendWith} instantiates. */
  public LogtoEmulatorExtension() {
    this(emulator -> {}, UnaryOperator.identity());
  }

  private LogtoEmulatorExtension(
      Consumer<LogtoEmulator.Builder> emulatorSettings, UnaryOperator<LogtoClient.Builder> clientSettings) {
    this.emulatorSettings = emulatorSettings;
    this.clientSettings = clientSettings;
  }

  /**
   * Starts configuring an extension for {@code @RegisterExtension}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    LogtoEmulator.Builder emulatorBuilder = LogtoEmulator.builder();
    emulatorSettings.accept(emulatorBuilder);
    LogtoEmulator emulator = emulatorBuilder.start();
    LogtoClient client = clientSettings.apply(clientFor(emulator)).build();
    context.getStore(NAMESPACE).put(context.getRequiredTestClass(), new Running(emulator, client));
    lastStarted = emulator;
  }

  /** Clears the messages and webhook deliveries earlier tests of the class caused. */
  @Override
  public void beforeEach(ExtensionContext context) {
    Running running = context.getStore(NAMESPACE).get(context.getRequiredTestClass(), Running.class);
    if (running != null) {
      running.emulator().clearSentMessages();
      running.emulator().clearWebhookDeliveries();
    }
  }

  /**
   * Returns the emulator this extension started for the running test class (for a
   * {@code @RegisterExtension} field; parameters can ask for {@link LogtoEmulator} instead).
   *
   * @return the running emulator
   * @throws IllegalStateException before the extension started one
   */
  public LogtoEmulator emulator() {
    LogtoEmulator emulator = lastStarted;
    if (emulator == null) {
      throw new IllegalStateException("LogtoEmulatorExtension has not started an emulator yet");
    }
    return emulator;
  }

  /**
   * Returns the e-mail and SMS messages the emulator sent since the current test started, oldest first.
   *
   * @return an immutable snapshot
   */
  public List<SentMessage> sentMessages() {
    return emulator().sentMessages();
  }

  /**
   * Returns the webhook deliveries finished since the current test started; deliveries are
   * asynchronous, so wait with {@link LogtoEmulator#awaitWebhookDeliveries(int, java.time.Duration)}.
   *
   * @return an immutable snapshot
   */
  public List<WebhookDelivery> webhookDeliveries() {
    return emulator().webhookDeliveries();
  }

  /**
   * Returns the user assets uploaded to the emulator's in-memory storage, in upload order (kept only
   * with {@code emulator(e -> e.userAssets(true))}). They are state, like users, so they are not
   * cleared between tests.
   *
   * @return an immutable snapshot
   */
  public List<UserAsset> userAssets() {
    return emulator().userAssets();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Running running = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), Running.class);
    if (running != null) {
      running.emulator().close();
    }
  }

  /**
   * Returns a client builder already pointed at {@code emulator} and holding its default client's
   * credentials; for tests that build their own client.
   *
   * @param emulator a running emulator
   * @return a builder to adjust and {@code build()}
   */
  public static LogtoClient.Builder clientFor(LogtoEmulator emulator) {
    requireNonNull(emulator, "emulator == null");
    ClientCredentials credentials = emulator.defaultClient();
    return LogtoClient.builder()
        .baseUrl(emulator.baseUrl())
        .apiIndicator(emulator.apiIndicator())
        .clientId(credentials.clientId())
        .clientSecret(credentials.clientSecret());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LogtoEmulator.class || type == LogtoClient.class || type == LogtoManagement.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running = context.getStore(NAMESPACE).get(context.getRequiredTestClass(), Running.class);
    if (running == null) {
      throw new ParameterResolutionException(
          "LogtoEmulatorExtension has not started for " + context.getRequiredTestClass().getName()
              + ": register it on the class (@ExtendWith or a static @RegisterExtension field)");
    }
    Class<?> type = parameter.getParameter().getType();
    if (type == LogtoEmulator.class) {
      return running.emulator();
    }
    if (type == LogtoClient.class) {
      return running.client();
    }
    return LogtoManagement.of(running.client());
  }

  private record Running(LogtoEmulator emulator, LogtoClient client) {}

  /** Configures a {@link LogtoEmulatorExtension}. Not thread-safe. */
  public static final class Builder {
    private Consumer<LogtoEmulator.Builder> emulatorSettings = emulator -> {};
    private UnaryOperator<LogtoClient.Builder> clientSettings = UnaryOperator.identity();

    private Builder() {}

    /**
     * Adjusts the emulator before it starts (clock, token lifetime, extra clients).
     *
     * @param settings applied to the emulator's builder
     * @return this builder
     */
    public Builder emulator(Consumer<LogtoEmulator.Builder> settings) {
      this.emulatorSettings = requireNonNull(settings, "settings == null");
      return this;
    }

    /**
     * Adjusts the injected client (retries, timeouts, interceptors); the base URL, indicator and
     * credentials are already set.
     *
     * @param settings returns the adjusted builder
     * @return this builder
     */
    public Builder client(UnaryOperator<LogtoClient.Builder> settings) {
      this.clientSettings = requireNonNull(settings, "settings == null");
      return this;
    }

    /**
     * Builds the extension.
     *
     * @return the extension
     */
    public LogtoEmulatorExtension build() {
      return new LogtoEmulatorExtension(emulatorSettings, clientSettings);
    }
  }
}

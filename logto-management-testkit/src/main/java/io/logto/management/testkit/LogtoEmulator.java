package io.logto.management.testkit;

import io.logto.management.testkit.internal.EmulatorServer;
import io.logto.management.testkit.internal.EmulatorServer.ClientSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-process emulator of a Logto OSS server's Management API and client-credentials token endpoint,
 * for tests: one in-memory store behind every operation of the Management API (users, roles,
 * resources, applications, organizations, invitations, hooks, sign-in experience, connectors, SSO,
 * SAML applications, configs, ...), answering with the statuses, JSON shapes, headers and error codes a
 * real Logto 1.42 answers with. What Logto would send elsewhere is kept for the test to read
 * ({@link #sentMessages()}, {@link #webhookDeliveries()}); a request whose answer needs what an
 * emulator cannot have (a user's JavaScript, a browser sign-in, the internet) answers 501 with
 * {@code code: "emulator.not_implemented"} and a body naming what is missing.
 *
 * <p>Listens on a free loopback port, starts in milliseconds, runs on its own daemon threads and stops
 * with {@link #close()}. It leaves no system property set: to spare the JDK's HTTP server a 40 ms stall
 * per keep-alive call (Nagle's algorithm against delayed ACKs) it sets {@code sun.net.httpserver.nodelay}
 * only while the JDK reads it, before the first server of the JVM starts, and clears it again. A JVM
 * that started a {@code com.sun.net.httpserver.HttpServer} earlier keeps that server's setting (pass
 * {@code -Dsun.net.httpserver.nodelay=true} to the test JVM then). Thread-safe.
 *
 * <pre>{@code
 * try (LogtoEmulator logto = LogtoEmulator.start()) {
 *   ClientCredentials client = logto.defaultClient();  // full Management API access
 *   // point the SDK at logto.baseUrl() with logto.apiIndicator() and these credentials
 * }
 * }</pre>
 */
public final class LogtoEmulator implements AutoCloseable {
  /** The API indicator of a self-hosted (OSS) Logto's Management API, the default here too. */
  public static final String OSS_API_INDICATOR = "https://default.logto.app/api";

  private final EmulatorServer server;
  private final ClientCredentials defaultClient;
  private final Faults faults;
  private final URI baseUrl;
  private final CustomDomains customDomains;

  private LogtoEmulator(EmulatorServer server, ClientCredentials defaultClient) {
    this.server = server;
    this.defaultClient = defaultClient;
    this.faults = new Faults(server.faults());
    this.baseUrl = URI.create(server.origin());
    this.customDomains = new CustomDomains(server.domains());
  }

  /**
   * Starts an emulator with the defaults: system clock, token lifetime 3600 s, one default client.
   *
   * @return the running emulator; close it when done
   */
  public static LogtoEmulator start() {
    return builder().start();
  }

  /** {@return a builder for an emulator with chosen clients, clock or token lifetime} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the server's base URL, {@code http://127.0.0.1:<port>} (no trailing slash)} */
  public URI baseUrl() {
    return baseUrl;
  }

  /** {@return the Management API's resource indicator, the {@code resource} of token requests} */
  public String apiIndicator() {
    return server.apiIndicator();
  }

  /** {@return the token endpoint, {@code <baseUrl>/oidc/token}} */
  public URI tokenEndpoint() {
    return URI.create(server.origin() + "/oidc/token");
  }

  /** {@return the pre-registered machine-to-machine client holding the Management API access role} */
  public ClientCredentials defaultClient() {
    return defaultClient;
  }

  /** {@return the fault injection of this emulator} */
  public Faults faults() {
    return faults;
  }

  /**
   * The custom domains' verification lifecycle, moved by the test instead of DNS (domains can only be
   * created when the emulator was built with {@link Builder#customDomains(boolean)}).
   *
   * @return the custom domains' controls
   */
  public CustomDomains customDomains() {
    return customDomains;
  }

  /**
   * The user assets uploaded so far through {@code POST /api/user-assets}, in upload order (only kept
   * when the emulator was built with {@link Builder#userAssets(boolean)}). An immutable snapshot.
   *
   * @return the uploads, oldest first
   */
  public List<UserAsset> userAssets() {
    return server.userAssets().all();
  }

  /** Makes every token issued so far expired: the next API call with one answers 401 {@code ERR_JWT_EXPIRED}. */
  public void expireAllTokens() {
    server.expireAllTokens();
  }

  /**
   * Requests received for an operation, by operationId ({@code "ListUsers"}), whatever their outcome
   * (faults, auth failures and 501s included).
   *
   * @param operationId the operation's id in Logto's OpenAPI document
   * @return the number of requests received for it since the start or the last reset
   */
  public long requestCount(String operationId) {
    Objects.requireNonNull(operationId, "operationId == null");
    return server.count(operationId);
  }

  /** {@return the number of token requests received ({@code POST /oidc/token}), whatever their outcome} */
  public long tokenRequestCount() {
    return server.count(EmulatorServer.TOKEN_COUNTER);
  }

  /** {@return every non-zero request counter by operationId ({@code "oidc.token"} for token requests), sorted} */
  public Map<String, Long> requestCounts() {
    return server.counts();
  }

  /** Sets every request counter back to zero. */
  public void resetRequestCounts() {
    server.resetCounts();
  }

  /** {@return the operationIds answered by the emulator (the others answer 501), sorted} */
  public List<String> supportedOperations() {
    return server.supportedOperations();
  }

  // ---- observables: what Logto would have sent elsewhere ----

  /**
   * The messages sent through e-mail and SMS connectors so far (since the last
   * {@link #clearSentMessages()}), oldest first: verification codes, organization invitations,
   * connector tests. An immutable snapshot.
   *
   * @return the messages, oldest first
   */
  public List<SentMessage> sentMessages() {
    return server.outbox().sentMessages();
  }

  /** Forgets the messages sent so far. */
  public void clearSentMessages() {
    server.outbox().clearSentMessages();
  }

  /**
   * The webhook deliveries finished so far (since the last {@link #clearWebhookDeliveries()}), in the
   * order they finished. Deliveries run asynchronously after the operation that caused them answered:
   * use {@link #awaitWebhookDeliveries(int, Duration)} to wait for them. An immutable snapshot.
   *
   * @return the deliveries, in the order they finished
   */
  public List<WebhookDelivery> webhookDeliveries() {
    return server.outbox().webhookDeliveries();
  }

  /**
   * Waits until at least {@code count} webhook deliveries have finished (since the last clear) or
   * {@code timeout} has passed, then returns them all; the caller checks what arrived.
   *
   * @param count the number of deliveries to wait for
   * @param timeout how long to wait at most
   * @return every delivery finished by then, in the order they finished (fewer than {@code count} when
   *     the time ran out or the thread was interrupted)
   * @throws IllegalArgumentException when {@code count} is negative or {@code timeout} negative
   */
  public List<WebhookDelivery> awaitWebhookDeliveries(int count, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + count);
    }
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout < 0: " + timeout);
    }
    try {
      return server.outbox().awaitWebhookDeliveries(count, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return server.outbox().webhookDeliveries();
    }
  }

  /** Forgets the webhook deliveries finished so far. */
  public void clearWebhookDeliveries() {
    server.outbox().clearWebhookDeliveries();
  }

  /** Stops listening and ends the emulator's threads; idempotent. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "LogtoEmulator[" + baseUrl + "]";
  }

  /** Configures and starts a {@link LogtoEmulator}. Not thread-safe. */
  public static final class Builder {
    private static final String ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String SECRET_ALPHABET =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime;
    private String apiIndicator = OSS_API_INDICATOR;
    private ClientCredentials defaultClient;
    private final List<ClientSpec> clients = new ArrayList<>();
    private boolean connectorFactories = true;
    private boolean customDomainProvider;
    private boolean userAssetStorage;

    private Builder() {}

    /**
     * Whether the built-in connector factories are installed: an e-mail
     * ({@code mock-email-service}), an SMS ({@code mock-short-message-service}) and a social
     * ({@code mock-social-connector}) factory, named after Logto's mock connectors. Default {@code true};
     * {@code false} answers like a Logto with no connector installed ({@code GET /connector-factories} is
     * {@code []}).
     *
     * @param installed whether the three factories are installed
     * @return this builder
     */
    public Builder connectorFactories(boolean installed) {
      this.connectorFactories = installed;
      return this;
    }

    /**
     * Whether the emulator has a custom-domain (hostname) provider, as Logto Cloud has. Default
     * {@code false}: like an OSS Logto, creating, deleting and cleaning up domains answer 400
     * {@code domain.not_configured}. With {@code true} they work and {@link LogtoEmulator#customDomains()}
     * moves a domain through its verification statuses.
     *
     * @param providerConfigured whether a hostname provider is configured
     * @return this builder
     */
    public Builder customDomains(boolean providerConfigured) {
      this.customDomainProvider = providerConfigured;
      return this;
    }

    /**
     * Whether the emulator has a storage provider for user assets. Default {@code false}: like an OSS
     * Logto without one (and the recorded server), the service status is {@code not_configured} and an
     * upload answers 400 {@code storage.not_configured}. With {@code true} the status is {@code ready}
     * (Logto's allowed MIME types, 20 MiB), uploads are kept in memory, answer {@code {"url"}} and are
     * served at that URL; {@link LogtoEmulator#userAssets()} lists them.
     *
     * @param storageConfigured whether a storage provider is configured
     * @return this builder
     */
    public Builder userAssets(boolean storageConfigured) {
      this.userAssetStorage = storageConfigured;
      return this;
    }

    /**
     * Sets the clock for {@code createdAt} values and token expiry; default the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * The lifetime of every issued token ({@code expires_in}); default: the resource's
     * {@code accessTokenTtl} (3600 s for the Management API). At least one second.
     *
     * @param tokenLifetime the lifetime
     * @return this builder
     */
    public Builder tokenLifetime(Duration tokenLifetime) {
      Objects.requireNonNull(tokenLifetime, "tokenLifetime == null");
      if (tokenLifetime.toSeconds() < 1) {
        throw new IllegalArgumentException("tokenLifetime < 1s: " + tokenLifetime);
      }
      this.tokenLifetime = tokenLifetime;
      return this;
    }

    /**
     * Sets the Management API's resource indicator; default {@value LogtoEmulator#OSS_API_INDICATOR}.
     *
     * @param apiIndicator the indicator, not blank
     * @return this builder
     */
    public Builder apiIndicator(String apiIndicator) {
      Objects.requireNonNull(apiIndicator, "apiIndicator == null");
      if (apiIndicator.isBlank()) {
        throw new IllegalArgumentException("apiIndicator is blank");
      }
      this.apiIndicator = apiIndicator;
      return this;
    }

    /**
     * Fixes the default client's id and secret (default: random, in Logto's format).
     *
     * @param credentials the default client's id and secret
     * @return this builder
     */
    public Builder defaultClient(ClientCredentials credentials) {
      this.defaultClient = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /**
     * Registers another machine-to-machine client holding the Management API access role.
     *
     * @param credentials the client's id and secret
     * @return this builder
     */
    public Builder client(ClientCredentials credentials) {
      return client(credentials, true);
    }

    /**
     * Registers another machine-to-machine client; without {@code managementApiAccess} it still gets
     * tokens (without a {@code scope}), and the API answers them 403 {@code auth.forbidden}, as Logto does.
     *
     * @param credentials the client's id and secret
     * @param managementApiAccess whether it holds the Management API access role
     * @return this builder
     */
    public Builder client(ClientCredentials credentials, boolean managementApiAccess) {
      Objects.requireNonNull(credentials, "credentials == null");
      clients.add(new ClientSpec(credentials.clientId(), credentials.clientSecret(), managementApiAccess));
      return this;
    }

    /**
     * Starts the emulator on a free loopback port.
     *
     * @return the running emulator; close it when done
     */
    public LogtoEmulator start() {
      SecureRandom random = new SecureRandom();
      ClientCredentials main = defaultClient != null ? defaultClient
          : new ClientCredentials(random(random, 21, ID_ALPHABET), random(random, 32, SECRET_ALPHABET));
      List<ClientSpec> all = new ArrayList<>();
      all.add(new ClientSpec(main.clientId(), main.clientSecret(), true));
      all.addAll(clients);
      Set<String> ids = new HashSet<>();
      for (ClientSpec client : all) {
        if (!ids.add(client.id())) {
          throw new IllegalArgumentException("client registered twice: " + client.id());
        }
      }
      try {
        EmulatorServer server = new EmulatorServer(clock, tokenLifetime, apiIndicator, all);
        if (!connectorFactories) {
          server.uninstallConnectorFactories();
        }
        if (customDomainProvider) {
          server.domains().configureProvider();
        }
        if (userAssetStorage) {
          server.userAssets().configure();
        }
        return new LogtoEmulator(server, main);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the Logto emulator", e);
      }
    }

    private static String random(SecureRandom random, int length, String alphabet) {
      char[] chars = new char[length];
      for (int i = 0; i < length; i++) {
        chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      return new String(chars);
    }
  }
}

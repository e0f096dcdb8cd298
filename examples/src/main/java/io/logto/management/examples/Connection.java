package io.logto.management.examples;

import io.logto.management.core.client.LogtoClient;
import io.logto.management.testkit.ClientCredentials;
import io.logto.management.testkit.LogtoEmulator;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * Where the quickstart sends its calls: the Logto named by {@code LOGTO_ENDPOINT},
 * {@code LOGTO_CLIENT_ID}, {@code LOGTO_CLIENT_SECRET} (and optionally {@code LOGTO_API_INDICATOR},
 * {@code LOGTO_TENANT_ID}), or, when no {@code LOGTO_*} variable is set, an embedded emulator.
 */
final class Connection implements AutoCloseable {
  private final LogtoClient client;
  private final Optional<LogtoEmulator> emulator;

  private Connection(LogtoClient client, Optional<LogtoEmulator> emulator) {
    this.client = client;
    this.emulator = emulator;
  }

  static Connection fromEnvironment(Map<String, String> env, PrintStream out) {
    boolean configured = env.keySet().stream().anyMatch(name -> name.startsWith("LOGTO_"));
    if (!configured) {
      LogtoEmulator emulator = LogtoEmulator.start();
      out.println("No LOGTO_* environment variables: running against the embedded Logto emulator at "
          + emulator.baseUrl() + " (set LOGTO_ENDPOINT, LOGTO_CLIENT_ID and LOGTO_CLIENT_SECRET to use your Logto)");
      return new Connection(clientFor(emulator), Optional.of(emulator));
    }
    String endpoint = required(env, "LOGTO_ENDPOINT");
    String tenant = Optional.ofNullable(env.get("LOGTO_TENANT_ID")).filter(t -> !t.isBlank()).orElse("default");
    String indicator = Optional.ofNullable(env.get("LOGTO_API_INDICATOR")).filter(i -> !i.isBlank())
        .orElse("https://" + tenant + ".logto.app/api");
    out.println("Running against " + endpoint + " (API indicator " + indicator + ")");
    LogtoClient client = LogtoClient.builder()
        .baseUrl(endpoint)
        .apiIndicator(indicator)
        .clientId(required(env, "LOGTO_CLIENT_ID"))
        .clientSecret(required(env, "LOGTO_CLIENT_SECRET"))
        .build();
    return new Connection(client, Optional.empty());
  }

  /** A client authenticated as the emulator's pre-registered machine-to-machine application. */
  static LogtoClient clientFor(LogtoEmulator emulator) {
    ClientCredentials credentials = emulator.defaultClient();
    return LogtoClient.builder()
        .baseUrl(emulator.baseUrl())
        .apiIndicator(emulator.apiIndicator())
        .clientId(credentials.clientId())
        .clientSecret(credentials.clientSecret())
        .build();
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is not set: set LOGTO_ENDPOINT, LOGTO_CLIENT_ID and "
          + "LOGTO_CLIENT_SECRET together, or none of them to use the embedded emulator");
    }
    return value;
  }

  LogtoClient client() {
    return client;
  }

  @Override
  public void close() {
    emulator.ifPresent(LogtoEmulator::close);
  }
}

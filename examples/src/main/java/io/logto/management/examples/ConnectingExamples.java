package io.logto.management.examples;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.TokenProvider;
import java.time.Duration;

/** The code of docs/connecting.md; {@code GuideExamplesTest} builds each client (none sends a request). */
final class ConnectingExamples {
  /** Where the application keeps a token it obtained itself. */
  interface Vault {
    String currentLogtoToken();
  }

  private ConnectingExamples() {}

  static LogtoManagement cloud() {
    // snippet: connecting-cloud
    LogtoClient client = LogtoClient.builder()
        .tenantId("my-tenant")               // https://my-tenant.logto.app, indicator https://my-tenant.logto.app/api
        .clientId("your-client-id")
        .clientSecret("your-client-secret")
        .build();
    LogtoManagement logto = LogtoManagement.of(client);
    // end snippet
    return logto;
  }

  static LogtoClient selfHosted() {
    // snippet: connecting-self-hosted
    LogtoClient client = LogtoClient.builder()
        .baseUrl("https://auth.example.com")              // trailing slashes are ignored
        .apiIndicator("https://default.logto.app/api")    // the Management API's indicator on Logto OSS
        .clientId("your-client-id")
        .clientSecret("your-client-secret")
        .build();
    // end snippet
    return client;
  }

  static LogtoClient ownTokens(Vault vault) {
    // snippet: connecting-own-tokens
    LogtoClient client = LogtoClient.builder()
        .baseUrl("https://auth.example.com")
        .tokenProvider(TokenProvider.of(() -> vault.currentLogtoToken()))  // called before every call
        .build();
    // end snippet
    return client;
  }

  static LogtoClient variant(LogtoClient client) {
    // snippet: connecting-variant
    LogtoClient patient = client.newBuilder().requestTimeout(Duration.ofSeconds(60)).build();
    // end snippet
    return patient;
  }

  static void closing() {
    // snippet: connecting-close
    try (LogtoClient client = LogtoClient.builder()
        .baseUrl("https://auth.example.com")
        .clientId("your-client-id")
        .clientSecret("your-client-secret")
        .build()) {
      LogtoManagement.of(client).users().list().forEach(user -> System.out.println(user.id()));
    }                                                    // later calls on client throw IllegalStateException
    // end snippet
  }
}

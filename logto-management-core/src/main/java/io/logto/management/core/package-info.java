/**
 * The runtime of the Logto Management API SDK.
 *
 * <p>{@link io.logto.management.core.LogtoClient} sends {@link io.logto.management.core.ApiRequest}s:
 * it obtains and caches client-credentials tokens (or asks a
 * {@link io.logto.management.core.TokenProvider}), retries transient failures
 * ({@link io.logto.management.core.RetryPolicy}), applies timeouts, runs
 * {@link io.logto.management.core.Interceptor}s and turns error answers into
 * {@link io.logto.management.core.LogtoApiException} subclasses. List endpoints are walked lazily with
 * {@link io.logto.management.core.LogtoClient#paginate}.
 *
 * <pre>{@code
 * LogtoClient client = LogtoClient.builder()
 *     .baseUrl("https://auth.example.com")            // self-hosted; or .tenantId("my-tenant") for Cloud
 *     .apiIndicator("https://default.logto.app/api")
 *     .clientId(clientId)
 *     .clientSecret(clientSecret)
 *     .build();
 * for (JsonNode user : client.paginate(ApiRequest.get("/api/users").build(), JsonNode.class)) {
 *   System.out.println(user.get("id"));
 * }
 * }</pre>
 *
 * <p>Everything here is immutable or thread-safe unless it is a builder. Packages under
 * {@code io.logto.management.core.internal} are not API.
 *
 * <p>Nothing here takes or returns {@code null} unless it is marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package io.logto.management.core;

import org.jspecify.annotations.NullMarked;

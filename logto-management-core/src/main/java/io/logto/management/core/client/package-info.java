/**
 * The client of the Logto Management API: {@link io.logto.management.core.client.LogtoClient} sends
 * {@link io.logto.management.core.ApiRequest}s. It obtains and caches client-credentials tokens (or
 * asks a {@link io.logto.management.core.TokenProvider}), retries transient failures
 * ({@link io.logto.management.core.RetryPolicy}), applies timeouts, runs
 * {@link io.logto.management.core.Interceptor}s and turns error answers into
 * {@link io.logto.management.core.LogtoApiException} subclasses. List endpoints are walked lazily with
 * {@link io.logto.management.core.client.LogtoClient#paginate}.
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
 * <p>The client is immutable and thread-safe; its builder is not. What calls take and give (requests,
 * options, responses, pages, listeners, exceptions) is in {@code io.logto.management.core}.
 *
 * <p>Nothing here takes or returns {@code null} unless it is marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package io.logto.management.core.client;

import org.jspecify.annotations.NullMarked;

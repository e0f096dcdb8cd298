package io.logto.management.webhooks;

import org.jspecify.annotations.Nullable;

/**
 * Where an event came from: the client's address and agent, and either the Management API call or the
 * sign-in experience interaction (session, application) that caused it. Each part is null when the
 * payload does not carry it.
 *
 * @param ip the client's IP address ({@code ip}; {@code userIp} in interaction events)
 * @param userAgent the client's {@code User-Agent}
 * @param apiCall the Management API call, for data events caused by one
 * @param interactionEvent the interaction's kind ({@code SignIn}, {@code Register}, {@code ForgotPassword})
 * @param sessionId the interaction's session id
 * @param applicationId the id of the application the interaction ran for
 * @param application the application's id, type, name and description
 * @param cimdClientId the client identifier URL of a client registered by metadata document (CIMD), which
 *     has no application id
 */
public record EventOrigin(
    @Nullable String ip,
    @Nullable String userAgent,
    @Nullable ManagementApiCall apiCall,
    @Nullable String interactionEvent,
    @Nullable String sessionId,
    @Nullable String applicationId,
    @Nullable ApplicationSummary application,
    @Nullable String cimdClientId) {}

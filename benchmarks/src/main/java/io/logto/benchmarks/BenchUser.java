package io.logto.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A Logto user as listed by {@code GET /api/users}, with the fields of a real answer (recording 024).
 * Both the raw client and the SDK decode the page into this record, so the JSON work is identical.
 *
 * @param id the user id
 * @param username the username, or null
 * @param primaryEmail the primary e-mail, or null
 * @param primaryPhone the primary phone, or null
 * @param name the display name, or null
 * @param avatar the avatar URL, or null
 * @param customData free-form custom data
 * @param identities social identities by connector target
 * @param lastSignInAt epoch milliseconds of the last sign-in, or null
 * @param createdAt epoch milliseconds of creation
 * @param updatedAt epoch milliseconds of the last update
 * @param profile profile claims
 * @param applicationId the application that created the user, or null
 * @param cimdClientId the client id metadata document id, or null
 * @param isSuspended whether the user is suspended
 * @param hasPassword whether the user has a password
 */
public record BenchUser(
    String id,
    String username,
    String primaryEmail,
    String primaryPhone,
    String name,
    String avatar,
    Map<String, Object> customData,
    Map<String, Object> identities,
    Long lastSignInAt,
    long createdAt,
    long updatedAt,
    Map<String, Object> profile,
    String applicationId,
    String cimdClientId,
    // named explicitly: a boolean "is" accessor could otherwise be read as the property "suspended"
    @JsonProperty("isSuspended") boolean isSuspended,
    boolean hasPassword) {}

package io.logto.benchmarks;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.logto.management.core.JsonField;
import io.logto.management.core.internal.codec.EpochTime;
import io.logto.management.model.SocialIdentity;
import io.logto.management.model.SsoIdentity;
import io.logto.management.model.UserPasswordAlgorithm;
import io.logto.management.model.UserProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated {@code User} with one trait taken away at a time, for {@link DecodeBenchmark}: the
 * difference to the generated type is what that trait costs. Serialisation annotations are left out
 * (decoding does not read them).
 */
final class UserShapes {
  private UserShapes() {}

  /** Without the catch-all map of unknown fields (the nested records keep theirs). */
  record NoCatchAll(String id, String username, String primaryEmail, String primaryPhone, String name, String avatar,
      JsonNode customData, Map<String, SocialIdentity> identities,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant lastSignInAt,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant createdAt,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant updatedAt, UserProfile profile,
      String applicationId, String cimdClientId, @JsonProperty("isSuspended") boolean isSuspended, Boolean hasPassword,
      Boolean hasSecurityVerificationMethod, List<SsoIdentity> ssoIdentities,
      JsonField<String> passwordDigest, JsonField<UserPasswordAlgorithm> passwordAlgorithm) {
    NoCatchAll {
      identities = identities == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(identities));
      ssoIdentities = ssoIdentities == null ? null : Collections.unmodifiableList(new ArrayList<>(ssoIdentities));
      passwordDigest = passwordDigest == null ? JsonField.absent() : passwordDigest;
      passwordAlgorithm = passwordAlgorithm == null ? JsonField.absent() : passwordAlgorithm;
    }
  }

  /** Without the compact constructor's copies and defaults. */
  record NoCopies(String id, String username, String primaryEmail, String primaryPhone, String name, String avatar,
      JsonNode customData, Map<String, SocialIdentity> identities,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant lastSignInAt,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant createdAt,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant updatedAt, UserProfile profile,
      String applicationId, String cimdClientId, @JsonProperty("isSuspended") boolean isSuspended, Boolean hasPassword,
      Boolean hasSecurityVerificationMethod, List<SsoIdentity> ssoIdentities,
      JsonField<String> passwordDigest, JsonField<UserPasswordAlgorithm> passwordAlgorithm,
      @JsonAnySetter Map<String, JsonNode> additionalProperties) {}

  /** With maps instead of the nested generated records (profile, identities). */
  record NoNestedRecords(String id, String username, String primaryEmail, String primaryPhone, String name,
      String avatar, JsonNode customData, Map<String, Object> identities,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant lastSignInAt,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant createdAt,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant updatedAt, Map<String, Object> profile,
      String applicationId, String cimdClientId, @JsonProperty("isSuspended") boolean isSuspended, Boolean hasPassword,
      Boolean hasSecurityVerificationMethod, List<SsoIdentity> ssoIdentities,
      JsonField<String> passwordDigest, JsonField<UserPasswordAlgorithm> passwordAlgorithm,
      @JsonAnySetter Map<String, JsonNode> additionalProperties) {
    NoNestedRecords {
      ssoIdentities = ssoIdentities == null ? null : Collections.unmodifiableList(new ArrayList<>(ssoIdentities));
      passwordDigest = passwordDigest == null ? JsonField.absent() : passwordDigest;
      passwordAlgorithm = passwordAlgorithm == null ? JsonField.absent() : passwordAlgorithm;
      additionalProperties = additionalProperties == null || additionalProperties.isEmpty() ? Map.of()
          : Collections.unmodifiableMap(new LinkedHashMap<>(additionalProperties));
    }
  }

  /** With plain values instead of the absent-or-null wrappers. */
  record NoJsonField(String id, String username, String primaryEmail, String primaryPhone, String name, String avatar,
      JsonNode customData, Map<String, SocialIdentity> identities,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant lastSignInAt,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant createdAt,
      @JsonDeserialize(using = EpochTime.MillisDeserializer.class) Instant updatedAt, UserProfile profile,
      String applicationId, String cimdClientId, @JsonProperty("isSuspended") boolean isSuspended, Boolean hasPassword,
      Boolean hasSecurityVerificationMethod, List<SsoIdentity> ssoIdentities,
      String passwordDigest, UserPasswordAlgorithm passwordAlgorithm,
      @JsonAnySetter Map<String, JsonNode> additionalProperties) {
    NoJsonField {
      identities = identities == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(identities));
      ssoIdentities = ssoIdentities == null ? null : Collections.unmodifiableList(new ArrayList<>(ssoIdentities));
      additionalProperties = additionalProperties == null || additionalProperties.isEmpty() ? Map.of()
          : Collections.unmodifiableMap(new LinkedHashMap<>(additionalProperties));
    }
  }

  /** With a long instead of an Instant read by the SDK's deserializer. */
  record NoInstant(String id, String username, String primaryEmail, String primaryPhone, String name, String avatar,
      JsonNode customData, Map<String, SocialIdentity> identities, Long lastSignInAt, long createdAt,
      long updatedAt, UserProfile profile,
      String applicationId, String cimdClientId, @JsonProperty("isSuspended") boolean isSuspended, Boolean hasPassword,
      Boolean hasSecurityVerificationMethod, List<SsoIdentity> ssoIdentities,
      JsonField<String> passwordDigest, JsonField<UserPasswordAlgorithm> passwordAlgorithm,
      @JsonAnySetter Map<String, JsonNode> additionalProperties) {
    NoInstant {
      identities = identities == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(identities));
      ssoIdentities = ssoIdentities == null ? null : Collections.unmodifiableList(new ArrayList<>(ssoIdentities));
      passwordDigest = passwordDigest == null ? JsonField.absent() : passwordDigest;
      passwordAlgorithm = passwordAlgorithm == null ? JsonField.absent() : passwordAlgorithm;
      additionalProperties = additionalProperties == null || additionalProperties.isEmpty() ? Map.of()
          : Collections.unmodifiableMap(new LinkedHashMap<>(additionalProperties));
    }
  }
}

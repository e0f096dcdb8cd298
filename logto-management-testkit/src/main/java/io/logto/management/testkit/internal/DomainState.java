package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Custom domains and their verification status. A Logto without a hostname provider (OSS) answers
 * most domain operations 400 {@code domain.not_configured}; with one (Logto Cloud) the provider checks
 * DNS and issues certificates. The emulator has no DNS: when the provider is enabled, a test moves a
 * domain through {@code PendingVerification -> PendingSsl -> Active} (or {@code Error}) through the
 * public Java API. Thread-safe: handlers and the test's thread both use it.
 */
public final class DomainState {
  /** The statuses of Logto's domain schema. */
  public static final List<String> STATUSES = List.of("PendingVerification", "PendingSsl", "Active", "Error");
  private static final String CNAME_TARGET = "domains.logto.app";

  private boolean providerConfigured;
  private final Map<String, ObjectNode> domains = new LinkedHashMap<>();
  private final Map<String, JsonNode> verificationFiles = new LinkedHashMap<>();

  /** Makes the emulator a Logto with a hostname provider: domains can be created and deleted. */
  public synchronized void configureProvider() {
    providerConfigured = true;
  }

  synchronized boolean providerConfigured() {
    return providerConfigured;
  }

  /** Every domain, in creation order. */
  synchronized List<ObjectNode> all() {
    return domains.values().stream().map(ObjectNode::deepCopy).toList();
  }

  /** The domain with this id, or 404 {@code entity.not_exists_with_id} as Logto answers. */
  synchronized ObjectNode byId(String id) {
    ObjectNode domain = domains.get(id);
    if (domain == null) {
      throw ApiError.notExistsWithId("domains", id);
    }
    return domain.deepCopy();
  }

  synchronized boolean inUse(String name) {
    return find(name) != null;
  }

  /** Adds a domain waiting for DNS verification, with the records a user would have to create. */
  synchronized ObjectNode add(String id, String name, long createdAt) {
    ObjectNode domain = Json.object();
    domain.put("id", id).put("domain", name).put("status", "PendingVerification").putNull("errorMessage");
    ArrayNode records = Json.array();
    records.add(Json.object().put("name", name).put("type", "CNAME").put("value", CNAME_TARGET));
    records.add(Json.object().put("name", "_cf-custom-hostname." + name).put("type", "TXT")
        .put("value", UUID.randomUUID().toString()));
    domain.set("dnsRecords", records);
    domain.put("createdAt", createdAt);
    domains.put(id, domain);
    verificationFiles.put(id, Json.array());
    return domain.deepCopy();
  }

  synchronized void remove(String id) {
    domains.remove(id);
    verificationFiles.remove(id);
  }

  synchronized JsonNode verificationFiles(String id) {
    byId(id);
    return verificationFiles.get(id).deepCopy();
  }

  synchronized JsonNode replaceVerificationFiles(String id, JsonNode files) {
    byId(id);
    verificationFiles.put(id, files.deepCopy());
    return files.deepCopy();
  }

  /**
   * Sets a domain's status as the hostname provider would after checking DNS or issuing a certificate.
   *
   * @throws IllegalArgumentException when no domain has that name or the status is unknown
   */
  public synchronized void setStatus(String name, String status, String errorMessage) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown domain status: " + status);
    }
    ObjectNode domain = find(name);
    if (domain == null) {
      throw new IllegalArgumentException("no custom domain " + name + " in the emulator");
    }
    domain.put("status", status);
    if (errorMessage == null) {
      domain.putNull("errorMessage");
    } else {
      domain.put("errorMessage", errorMessage);
    }
  }

  /** The status of the domain with that name, or null when there is none. */
  public synchronized String status(String name) {
    ObjectNode domain = find(name);
    return domain == null ? null : domain.get("status").asText();
  }

  private ObjectNode find(String name) {
    for (ObjectNode domain : domains.values()) {
      if (domain.get("domain").asText().equals(name)) {
        return domain;
      }
    }
    return null;
  }
}

package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Custom domains. Without a hostname provider (the default, as an OSS Logto) creating, deleting and
 * cleaning up answer 400 {@code domain.not_configured}; with the emulator's provider switched on they
 * work, and the verification status is moved by the test through {@code LogtoEmulator.customDomains()}.
 */
final class DomainRoutes {
  private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;
  private static final int MAX_DOMAIN = 256;
  private static final List<String> FILE_TYPES = List.of("text/plain", "application/json");

  private final Store store;
  private final DomainState domains;

  DomainRoutes(Store store) {
    this.store = store;
    this.domains = store.domains;
  }

  void register(Declarations handlers) {
    handlers.declare("ListDomains", call -> Reply.ok(Json.arrayOf(domains.all())));
    handlers.declare("GetDomain", call -> Reply.ok(domains.byId(call.param("id"))));
    handlers.declare("CreateDomain", this::create);
    handlers.declare("DeleteDomain", call -> {
      requireProvider();
      domains.byId(call.param("id"));
      domains.remove(call.param("id"));
      return Reply.empty(204);
    });
    handlers.declare("ListDomainVerificationFiles", call -> Reply.ok(domains.verificationFiles(call.param("id"))));
    handlers.declare("ReplaceDomainVerificationFiles", this::replaceFiles);
    handlers.declare("CleanupDomains", this::cleanup);
  }

  private Reply create(Call call) {
    Guard guard = call.guard();
    String domain = guard.atMost("domain", guard.name("domain"), MAX_DOMAIN);
    guard.check();
    if (domains.inUse(domain)) {
      ObjectNode data = Json.object().put("domain", domain);
      throw ApiError.of(422, "domain.domain_in_use", "This domain " + domain + " is already in use.", data, null);
    }
    requireProvider();
    return Reply.created(domains.add(store.id(21), domain, store.now()));
  }

  private Reply replaceFiles(Call call) {
    Guard guard = call.guard();
    List<ObjectNode> files = guard.objects("verificationFiles", true);
    for (int i = 0; files != null && i < files.size(); i++) {
      Guard file = guard.within("verificationFiles." + i, files.get(i));
      file.string("path", true);
      file.string("content", true);
      file.oneOf("contentType", FILE_TYPES, true);
    }
    guard.check();
    ArrayNode list = Json.arrayOf(files);
    return Reply.ok(domains.replaceVerificationFiles(call.param("id"), list));
  }

  // the provider's cleanup: domains never activated and older than staleDays are deleted
  private Reply cleanup(Call call) {
    Guard guard = call.guard();
    Long staleDays = guard.positive("staleDays", true);
    guard.check();
    requireProvider();
    long cutoff = store.now() - staleDays * DAY_MILLIS;
    int deleted = 0;
    int active = 0;
    List<ObjectNode> all = domains.all();
    for (ObjectNode domain : all) {
      if (domain.get("status").asText().equals("Active")) {
        active++;
      } else if (domain.get("createdAt").asLong() < cutoff) {
        domains.remove(domain.get("id").asText());
        deleted++;
      }
    }
    ObjectNode summary = Json.object().put("scannedCount", all.size()).put("deletedCount", deleted)
        .put("skippedActiveCount", active).put("failedCount", 0);
    return Reply.ok(summary);
  }

  private void requireProvider() {
    if (!domains.providerConfigured()) {
      throw ApiError.of(400, "domain.not_configured", "Domain hostname provider is not configured.");
    }
  }
}

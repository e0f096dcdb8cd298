package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class CustomDomainsTest {
  @Test
  void byDefaultTheEmulatorIsAnOssLogtoWithoutAHostnameProvider() {
    try (LogtoEmulator logto = LogtoEmulator.start()) {
      Http http = new Http(logto);

      Http.Answer create = http.post("/domains", "{\"domain\":\"auth.example.com\"}");
      assertThat(create.status()).isEqualTo(400);
      assertThat(create.code()).isEqualTo("domain.not_configured");
      assertThat(http.get("/domains").body()).isEmpty();
      assertThat(http.delete("/domains/missing").code()).isEqualTo("domain.not_configured");
      Http.Answer get = http.get("/domains/missing");
      assertThat(get.status()).isEqualTo(404);
      assertThat(get.body().get("message").asText()).isEqualTo("The domains with ID `missing` does not exist.");
      assertThat(http.post("/domains/cleanup", "{\"staleDays\":0}").body().at("/data/issues/0/code").asText())
          .isEqualTo("too_small");
      assertThat(http.post("/domains/cleanup", "{\"staleDays\":30}").code()).isEqualTo("domain.not_configured");
      assertThat(logto.customDomains().status("auth.example.com")).isEmpty();
    }
  }

  @Test
  void withAProviderTheTestMovesADomainThroughItsVerification() {
    try (LogtoEmulator logto = LogtoEmulator.builder().customDomains(true).start()) {
      Http http = new Http(logto);

      Http.Answer created = http.post("/domains", "{\"domain\":\"auth.example.com\"}");
      assertThat(created.status()).isEqualTo(201);
      JsonNode domain = created.body();
      String id = domain.get("id").asText();
      assertThat(domain.get("status").asText()).isEqualTo("PendingVerification");
      assertThat(domain.get("errorMessage").isNull()).isTrue();
      assertThat(domain.at("/dnsRecords/0/type").asText()).isEqualTo("CNAME");
      assertThat(domain.at("/dnsRecords/0/name").asText()).isEqualTo("auth.example.com");
      assertThat(http.post("/domains", "{\"domain\":\"auth.example.com\"}").code()).isEqualTo("domain.domain_in_use");

      logto.customDomains().markVerified("auth.example.com");
      assertThat(http.get("/domains/" + id).body().get("status").asText()).isEqualTo("PendingSsl");
      logto.customDomains().markActive("auth.example.com");
      assertThat(http.get("/domains").body().get(0).get("status").asText()).isEqualTo("Active");
      logto.customDomains().markFailed("auth.example.com", "CNAME record not found");
      JsonNode failed = http.get("/domains/" + id).body();
      assertThat(failed.get("status").asText()).isEqualTo("Error");
      assertThat(failed.get("errorMessage").asText()).isEqualTo("CNAME record not found");
      assertThat(logto.customDomains().status("auth.example.com")).contains("Error");

      assertThatThrownBy(() -> logto.customDomains().markActive("other.example.com"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other.example.com");

      assertThat(http.delete("/domains/" + id).status()).isEqualTo(204);
      assertThat(http.get("/domains").body()).isEmpty();
    }
  }

  @Test
  void verificationFilesAreReplacedAsAWholeList() {
    try (LogtoEmulator logto = LogtoEmulator.builder().customDomains(true).start()) {
      Http http = new Http(logto);
      String id = http.post("/domains", "{\"domain\":\"auth.example.com\"}").body().get("id").asText();
      String files = "{\"verificationFiles\":[{\"path\":\"/.well-known/apple-app-site-association\","
          + "\"content\":\"{}\",\"contentType\":\"application/json\"}]}";

      assertThat(http.get("/domains/" + id + "/verification-files").body()).isEmpty();
      assertThat(http.put("/domains/" + id + "/verification-files", files).body()).hasSize(1);
      assertThat(http.get("/domains/" + id + "/verification-files").body().get(0).get("path").asText())
          .isEqualTo("/.well-known/apple-app-site-association");
      Http.Answer object = http.put("/domains/" + id + "/verification-files", "{\"verificationFiles\":{}}");
      assertThat(object.body().at("/data/issues/0/expected").asText()).isEqualTo("array");
      assertThat(http.put("/domains/missing/verification-files", "{\"verificationFiles\":[]}").status())
          .isEqualTo(404);
    }
  }

  @Test
  void cleanupDeletesStaleDomainsThatNeverBecameActive() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (LogtoEmulator logto = LogtoEmulator.builder().customDomains(true).clock(clock).start()) {
      Http http = new Http(logto);
      http.post("/domains", "{\"domain\":\"old.example.com\"}");
      http.post("/domains", "{\"domain\":\"live.example.com\"}");
      logto.customDomains().markActive("live.example.com");
      clock.advance(Duration.ofDays(31));
      // the first token expired with the days that passed
      Http later = new Http(logto);
      later.post("/domains", "{\"domain\":\"new.example.com\"}");

      JsonNode summary = later.post("/domains/cleanup", "{\"staleDays\":30}").body();

      assertThat(summary.toString())
          .isEqualTo("{\"scannedCount\":3,\"deletedCount\":1,\"skippedActiveCount\":1,\"failedCount\":0}");
      assertThat(later.get("/domains").body()).extracting(d -> d.get("domain").asText())
          .containsExactly("live.example.com", "new.example.com");
    }
  }
}

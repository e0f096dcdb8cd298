package io.logto.management.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IDEs complete and explain every property from the metadata in the jar. */
final class ConfigurationMetadataTest {
  @Test
  void everyPropertyHasATypeADescriptionAndItsDefault() throws Exception {
    Map<String, JsonNode> properties = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      new ObjectMapper().readTree(in).get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
    }
    assertThat(properties.keySet()).containsExactlyInAnyOrder(
        "logto.management.tenant-id", "logto.management.endpoint", "logto.management.client-id",
        "logto.management.client-secret", "logto.management.api-indicator", "logto.management.request-timeout",
        "logto.management.token-timeout", "logto.management.max-retries",
        "logto.management.observations.enabled", "logto.management.emulator.enabled",
        "management.health.logto.enabled", "logto.webhooks.enabled", "logto.webhooks.path",
        "logto.webhooks.signing-keys", "logto.webhooks.max-body-size", "logto.webhooks.replay-window");
    properties.forEach((name, property) -> {
      assertThat(property.path("type").asText()).as(name).isNotEmpty();
      assertThat(property.path("description").asText()).as(name).isNotBlank().doesNotContain("{@");
    });
    assertThat(properties.get("logto.management.request-timeout").get("defaultValue").asText()).isEqualTo("10s");
    assertThat(properties.get("logto.management.max-retries").get("defaultValue").asInt()).isEqualTo(2);
    assertThat(properties.get("management.health.logto.enabled").get("defaultValue").asBoolean()).isFalse();
    assertThat(properties.get("logto.webhooks.enabled").get("defaultValue").asBoolean()).isFalse();
    assertThat(properties.get("logto.webhooks.path").get("defaultValue").asText()).isEqualTo("/logto/webhooks");
    assertThat(properties.get("logto.webhooks.max-body-size").get("defaultValue").asText()).isEqualTo("1MB");
    assertThat(properties.get("logto.webhooks.signing-keys").get("type").asText())
        .isEqualTo("java.util.List<java.lang.String>");
  }
}

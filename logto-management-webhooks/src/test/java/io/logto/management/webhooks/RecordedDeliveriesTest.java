package io.logto.management.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logto.management.model.Scope;
import io.logto.management.model.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real delivery of Logto 1.42 in {@code ../shared/logto/webhooks} verifies and decodes to its typed event. */
class RecordedDeliveriesTest {
  static List<RecordedDelivery> deliveries() {
    return RecordedDelivery.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deliveries")
  void verifiesWithItsKeyAndDecodesToItsTypedRecord(RecordedDelivery delivery) {
    WebhookReceiver receiver = WebhookReceiver.builder().signingKey(delivery.signingKey()).build();

    WebhookEvent event = receiver.receive(delivery.body(), delivery.signature());

    JsonNode json = delivery.json();
    assertThat(event).isNotInstanceOf(UnknownEvent.class);
    assertThat(event.event()).isEqualTo(delivery.event()).isEqualTo(json.get("event").asText());
    assertThat(event.createdAt()).isEqualTo(Instant.parse(json.get("createdAt").asText()));
    assertThat(event.hookId()).isEqualTo(json.get("hookId").asText());
    assertThat(event.json()).isEqualTo(json);
    assertThat(EventCatalog.factory(delivery.event())).isNotNull();
    if (event instanceof DataHookEvent data) {
      ManagementApiCall call = data.origin().apiCall();
      assertThat(call).isNotNull();
      assertThat(call.method()).isEqualTo(json.get("method").asText());
      assertThat(call.path()).isEqualTo(json.get("path").asText());
      assertThat(call.status()).isEqualTo(json.get("status").asInt());
      assertThat(call.matchedRoute()).isEqualTo(json.get("matchedRoute").asText());
      json.get("params").properties().forEach(param -> assertThat(call.param(param.getKey()))
          .isEqualTo(param.getValue().asText()));
      assertThat(data.origin().ip()).isEqualTo(json.get("ip").asText());
      assertThat(data.origin().userAgent()).isEqualTo(json.get("userAgent").asText());
    }
    // the entity records take every field of the payload's data: nothing left untyped
    if (event instanceof UserCreated e) {
      assertTyped(e.data().additionalProperties(), e.data().id(), json);
    } else if (event instanceof UserDeleted e) {
      assertTyped(e.data().additionalProperties(), e.data().id(), json);
    } else if (event instanceof UserSuspensionUpdated e) {
      assertTyped(e.data().additionalProperties(), e.data().id(), json);
      assertThat(e.data().isSuspended()).isEqualTo(json.at("/data/isSuspended").asBoolean());
    } else if (event instanceof UserDataUpdated e) {
      assertThat(e.userId()).isEqualTo(json.at("/params/userId").asText());
      if (e.data() != null) {
        assertTyped(e.data().additionalProperties(), e.data().id(), json);
      } else {
        assertThat(e.customData()).isEqualTo(json.get("data"));
      }
    } else if (event instanceof RoleCreated e) {
      assertTyped(e.data().additionalProperties(), e.data().id(), json);
    } else if (event instanceof RoleDataUpdated e) {
      assertTyped(e.data().additionalProperties(), e.data().id(), json);
    } else if (event instanceof RoleDeleted e) {
      assertThat(e.roleId()).isEqualTo(json.at("/params/id").asText()).isNotEmpty();
    } else if (event instanceof RoleScopesUpdated e) {
      assertThat(e.roleId()).isEqualTo(json.at("/params/id").asText());
      assertThat(e.addedScopes()).extracting(Scope::id).containsExactly(json.at("/data/0/id").asText());
      assertThat(e.addedScopes()).allSatisfy(scope -> assertThat(scope.additionalProperties()).isEmpty());
    } else if (event instanceof ScopeCreated e) {
      assertTyped(e.data().additionalProperties(), e.data().id(), json);
    } else if (event instanceof ScopeDataUpdated e) {
      assertTyped(e.data().additionalProperties(), e.data().id(), json);
    } else if (event instanceof OrganizationCreated e) {
      assertTyped(e.data().additionalProperties(), e.data().id(), json);
    } else if (event instanceof OrganizationDataUpdated e) {
      assertTyped(e.data().additionalProperties(), e.data().id(), json);
    } else if (event instanceof PostSignIn e) {
      User user = e.user();
      assertThat(user).isNotNull();
      assertThat(user.id()).isEqualTo(e.userId()).isEqualTo(json.get("userId").asText());
      assertThat(user.additionalProperties()).isEmpty();
      assertThat(e.origin().sessionId()).isEqualTo(json.get("sessionId").asText());
      assertThat(e.origin().ip()).isEqualTo(json.get("userIp").asText());
      assertThat(e.origin().application()).isNotNull();
      assertThat(e.origin().application().type().value()).isEqualTo(json.at("/application/type").asText());
    } else {
      throw new AssertionError("a recorded event this test does not check: " + event.event());
    }
  }

  private static void assertTyped(Map<String, JsonNode> additionalProperties, String id, JsonNode json) {
    assertThat(additionalProperties).as("fields the record does not type").isEmpty();
    assertThat(id).isEqualTo(json.at("/data/id").asText()).isNotEmpty();
  }

  @Test
  void rotationLosesNoDeliveryWhileBothKeysAreConfigured() {
    JsonNode hook = RecordedDelivery.hook();
    String oldKey = hook.at("/createHookAnswer/signingKey").asText();
    String newKey = hook.at("/rotatedSigningKeyAnswer/signingKey").asText();
    assertThat(newKey).isNotEqualTo(oldKey);
    WebhookReceiver both = WebhookReceiver.builder().signingKeys(List.of(newKey, oldKey)).build();
    WebhookReceiver onlyNew = WebhookReceiver.builder().signingKey(newKey).build();

    for (RecordedDelivery delivery : RecordedDelivery.all()) {
      assertThat(delivery.signingKey()).isEqualTo(oldKey);
      assertThat(both.receive(delivery.body(), delivery.signature()).event()).isEqualTo(delivery.event());
      assertThatThrownBy(() -> onlyNew.verify(delivery.body(), delivery.signature()))
          .isInstanceOfSatisfying(WebhookVerificationException.class,
              e -> assertThat(e.reason()).isEqualTo(WebhookVerificationException.Reason.SIGNATURE_MISMATCH));
    }
  }

  @Test
  void recentLogBodiesDecodeToTheirEvents() {
    // the hook's recent logs keep each payload (stored as jsonb, so re-ordered: they decode but would not verify)
    WebhookReceiver receiver = WebhookReceiver.builder().signingKey("unused").build();
    for (JsonNode log : RecordedDelivery.hook().get("recentLogs")) {
      JsonNode body = log.at("/payload/hookRequest/body");
      WebhookEvent event = receiver.decode(body.toString().getBytes(StandardCharsets.UTF_8));
      assertThat(event.event()).isEqualTo(body.get("event").asText());
      assertThat(event).isNotInstanceOf(UnknownEvent.class);
      if (event instanceof ScopeDeleted deleted) {
        assertThat(deleted.scopeId()).isEqualTo(body.at("/params/scopeId").asText());
        assertThat(deleted.resourceId()).isEqualTo(body.at("/params/resourceId").asText());
      }
      if (event instanceof UserDeleted deleted) {
        assertThat(deleted.data().id()).isEqualTo(body.at("/params/userId").asText());
      }
    }
  }
}

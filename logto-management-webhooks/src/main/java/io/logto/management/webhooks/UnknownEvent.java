package io.logto.management.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A verified delivery of an event this version does not know (Logto adds events over time): the common
 * fields typed, the rest in {@link #json()}.
 *
 * @param event the event's name on the wire
 * @param createdAt when Logto built the payload
 * @param hookId the id of the hook the delivery was made for
 * @param json the whole payload as received
 */
public record UnknownEvent(String event, Instant createdAt, String hookId, JsonNode json) implements WebhookEvent {}

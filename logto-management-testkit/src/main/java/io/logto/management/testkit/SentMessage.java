package io.logto.management.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the emulator "sent" through an e-mail or SMS connector, where Logto would have handed it to
 * the connector: a verification code, an organization invitation, a connector test. Read them with
 * {@link LogtoEmulator#sentMessages()}. {@link #toString()} shows the payload's keys, never its values
 * (codes and links are credentials).
 *
 * @param channel e-mail or SMS
 * @param recipient the e-mail address or phone number it went to
 * @param template the template (Logto's usage type) it was sent with, e.g. {@code Generic},
 *     {@code SignIn}, {@code OrganizationInvitation}, {@code Test}
 * @param payload the values filled into the template, e.g. {@code code}, {@code link}, in the order
 *     Logto sets them; unmodifiable
 * @param connectorId the id of the connector that sent it
 * @param sentAt when it was sent, by the emulator's clock
 */
public record SentMessage(
    Channel channel, String recipient, String template, Map<String, String> payload, String connectorId,
    Instant sentAt) {
  /** How a message is delivered. */
  public enum Channel {
    /** Through the e-mail connector. */
    EMAIL,
    /** Through the SMS connector. */
    SMS
  }

  /**
   * Validates every component (non-null; recipient, template and connector id not blank) and copies the payload.
   *
   * @param channel e-mail or SMS
   * @param recipient the e-mail address or phone number it went to
   * @param template the template (Logto's usage type) it was sent with
   * @param payload the values filled into the template
   * @param connectorId the id of the connector that sent it
   * @param sentAt when it was sent, by the emulator's clock
   */
  public SentMessage {
    Objects.requireNonNull(channel, "channel == null");
    Objects.requireNonNull(recipient, "recipient == null");
    Objects.requireNonNull(template, "template == null");
    Objects.requireNonNull(payload, "payload == null");
    Objects.requireNonNull(connectorId, "connectorId == null");
    Objects.requireNonNull(sentAt, "sentAt == null");
    if (recipient.isBlank()) {
      throw new IllegalArgumentException("recipient is blank");
    }
    if (template.isBlank()) {
      throw new IllegalArgumentException("template is blank");
    }
    if (connectorId.isBlank()) {
      throw new IllegalArgumentException("connectorId is blank");
    }
    payload.forEach((key, value) -> {
      Objects.requireNonNull(key, "payload key == null");
      Objects.requireNonNull(value, () -> "payload value of " + key + " == null");
    });
    payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
  }

  /** {@return a builder whose {@code payload} starts empty} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the verification code it carried ({@code payload.code}), if any} */
  public Optional<String> code() {
    return Optional.ofNullable(payload.get("code"));
  }

  /** {@return the link it carried ({@code payload.link}, e.g. an invitation's magic link), if any} */
  public Optional<String> link() {
    return Optional.ofNullable(payload.get("link"));
  }

  @Override
  public String toString() {
    return "SentMessage[channel=" + channel + ", recipient=" + recipient + ", template=" + template
        + ", payload keys=" + payload.keySet() + ", connectorId=" + connectorId + ", sentAt=" + sentAt + "]";
  }

  /** Builds a {@link SentMessage}; every component but the payload is required. Not thread-safe. */
  public static final class Builder {
    private Channel channel;
    private String recipient;
    private String template;
    private final Map<String, String> payload = new LinkedHashMap<>();
    private String connectorId;
    private Instant sentAt;

    private Builder() {}

    /**
     * Sets the channel.
     *
     * @param channel e-mail or SMS
     * @return this builder
     */
    public Builder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    /**
     * Sets the recipient.
     *
     * @param recipient the e-mail address or phone number
     * @return this builder
     */
    public Builder recipient(String recipient) {
      this.recipient = recipient;
      return this;
    }

    /**
     * Sets the template.
     *
     * @param template the template (usage type)
     * @return this builder
     */
    public Builder template(String template) {
      this.template = template;
      return this;
    }

    /**
     * Adds one payload value (a later value for the same key replaces the earlier one).
     *
     * @param key the payload key, such as {@code code}
     * @param value its value
     * @return this builder
     */
    public Builder put(String key, String value) {
      payload.put(Objects.requireNonNull(key, "key == null"), Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /**
     * Sets the sending connector.
     *
     * @param connectorId the connector's id
     * @return this builder
     */
    public Builder connectorId(String connectorId) {
      this.connectorId = connectorId;
      return this;
    }

    /**
     * Sets the time it was sent.
     *
     * @param sentAt when it was sent
     * @return this builder
     */
    public Builder sentAt(Instant sentAt) {
      this.sentAt = sentAt;
      return this;
    }

    /**
     * Builds the message; fails naming the first missing component.
     *
     * @return the message
     */
    public SentMessage build() {
      return new SentMessage(channel, recipient, template, payload, connectorId, sentAt);
    }
  }
}

package io.logto.management.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logto.management.webhooks.WebhookVerificationException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and decodes Logto's webhook deliveries, with any HTTP server: hand it the raw body bytes and
 * the {@value #SIGNATURE_HEADER} header, get a typed {@link WebhookEvent} or a
 * {@link WebhookVerificationException} saying why the delivery is refused.
 *
 * <p>Logto signs each delivery with the hook's signing key: the header is the lowercase hexadecimal
 * HMAC-SHA256 of the exact body bytes. The receiver checks it first, in constant time, against each of its
 * keys (several during a rotation with {@code hooks().updateSigningKey}), and parses nothing before. A
 * body re-serialised by a framework (a parsed and re-written JSON) no longer verifies: read the raw bytes.
 *
 * <p>Immutable and thread-safe: build one and share it.
 */
public final class WebhookReceiver {
  /** The request header holding the signature, as Logto sends it. */
  public static final String SIGNATURE_HEADER = "logto-signature-sha-256";

  /** The default body limit: 1 MiB, far above Logto's largest payload (a membership event with 4 x 5000 ids). */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private static final String HMAC = "HmacSHA256";
  private static final int DIGEST_HEX_LENGTH = 64;

  private final List<SecretKeySpec> keys;
  private final int maxBodyBytes;
  private final @Nullable Duration replayWindow;
  private final Clock clock;
  private final ObjectMapper mapper;

  private WebhookReceiver(Builder builder) {
    List<SecretKeySpec> specs = new ArrayList<>(builder.signingKeys.size());
    for (String key : builder.signingKeys) {
      specs.add(new SecretKeySpec(key.getBytes(UTF_8), HMAC));
    }
    this.keys = List.copyOf(specs);
    this.maxBodyBytes = builder.maxBodyBytes;
    this.replayWindow = builder.replayWindow;
    this.clock = builder.clock;
    this.mapper = builder.objectMapper != null ? builder.objectMapper : defaultMapper();
  }

  /**
   * Starts a receiver; at least one signing key is required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a delivery, then decodes it.
   *
   * @param body the request body exactly as received
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header, or null when absent
   * @return the typed event ({@link UnknownEvent} for an event this version does not know)
   * @throws WebhookVerificationException when the delivery does not verify or is no webhook payload
   */
  public WebhookEvent receive(byte[] body, @Nullable String signatureHeader) {
    return decode(verified(body, signatureHeader));
  }

  /**
   * Reads a delivery's body from a stream, at most one byte over the limit (so an oversized body is
   * refused without reading it all), then verifies and decodes it. The stream is not closed.
   *
   * @param body the request body stream
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header, or null when absent
   * @return the typed event
   * @throws WebhookVerificationException when the delivery does not verify or is no webhook payload
   * @throws IOException when reading the stream fails
   */
  public WebhookEvent receive(InputStream body, @Nullable String signatureHeader) throws IOException {
    return receive(readBody(body), signatureHeader);
  }

  /**
   * Reads a request body, at most one byte over the limit.
   *
   * @param body the request body stream, not closed
   * @return the body's bytes
   * @throws WebhookVerificationException with {@link Reason#BODY_TOO_LARGE} when the body is over the limit
   * @throws IOException when reading the stream fails
   */
  public byte[] readBody(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(maxBodyBytes + 1);
    checkSize(bytes.length);
    return bytes;
  }

  /**
   * Verifies a delivery without decoding it into an event: size, signature, and the replay window when one
   * is configured (which reads the signed payload's {@code createdAt}).
   *
   * @param body the request body exactly as received
   * @param signatureHeader the value of the {@value #SIGNATURE_HEADER} header, or null when absent
   * @throws WebhookVerificationException when the delivery does not verify
   */
  public void verify(byte[] body, @Nullable String signatureHeader) {
    verified(body, signatureHeader);
  }

  /**
   * Decodes a body that was already verified (by {@link #verify}); checks neither signature nor window.
   *
   * @param body the verified request body
   * @return the typed event
   * @throws WebhookVerificationException with {@link Reason#BODY_MALFORMED} when it is no webhook payload
   */
  public WebhookEvent decode(byte[] body) {
    return decode(parse(body));
  }

  /**
   * The body limit in bytes.
   *
   * @return the limit
   */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Names the settings, never the keys. */
  @Override
  public String toString() {
    return "WebhookReceiver[signingKeys=" + keys.size() + ", maxBodyBytes=" + maxBodyBytes
        + ", replayWindow=" + (replayWindow == null ? "off" : replayWindow) + "]";
  }

  // the payload is parsed once the signature holds; a replay window needs its createdAt
  private ObjectNode verified(byte[] body, @Nullable String signatureHeader) {
    requireNonNull(body, "body == null");
    checkSize(body.length);
    checkSignature(body, signatureHeader);
    ObjectNode payload = parse(body);
    if (replayWindow != null) {
      checkAge(payload, replayWindow);
    }
    return payload;
  }

  private void checkSize(int length) {
    if (length > maxBodyBytes) {
      throw new WebhookVerificationException(Reason.BODY_TOO_LARGE,
          "webhook body is over the limit of " + maxBodyBytes + " bytes");
    }
  }

  private void checkSignature(byte[] body, @Nullable String signatureHeader) {
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw new WebhookVerificationException(Reason.SIGNATURE_MISSING,
          "webhook delivery has no " + SIGNATURE_HEADER + " header");
    }
    byte[] received = hex(signatureHeader.strip());
    Mac mac = newMac();
    for (SecretKeySpec key : keys) {
      try {
        mac.init(key);
      } catch (InvalidKeyException e) {
        throw new IllegalStateException("HMAC-SHA256 refused a signing key", e);
      }
      if (MessageDigest.isEqual(mac.doFinal(body), received)) {
        return;
      }
    }
    throw new WebhookVerificationException(Reason.SIGNATURE_MISMATCH,
        "webhook signature matches none of the " + keys.size() + " signing key(s) (body of " + body.length
            + " bytes; a body re-serialised after parsing never matches, verify the raw bytes)");
  }

  private static byte[] hex(String value) {
    if (value.length() != DIGEST_HEX_LENGTH) {
      throw new WebhookVerificationException(Reason.SIGNATURE_MALFORMED,
          SIGNATURE_HEADER + " is " + value.length() + " characters long, not the " + DIGEST_HEX_LENGTH
              + " hexadecimal digits of a SHA-256 digest");
    }
    byte[] bytes = new byte[DIGEST_HEX_LENGTH / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = Character.digit(value.charAt(2 * i), 16);
      int low = Character.digit(value.charAt(2 * i + 1), 16);
      if (high < 0 || low < 0) {
        throw new WebhookVerificationException(Reason.SIGNATURE_MALFORMED,
            SIGNATURE_HEADER + " is not hexadecimal (" + value.length() + " characters)");
      }
      bytes[i] = (byte) (high << 4 | low);
    }
    return bytes;
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance(HMAC);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + HMAC, e);
    }
  }

  private void checkAge(ObjectNode payload, Duration window) {
    Instant createdAt;
    try {
      createdAt = Payload.createdAt(payload);
    } catch (Payload.PayloadException e) {
      throw new WebhookVerificationException(Reason.BODY_MALFORMED,
          "webhook payload cannot be checked against the replay window: " + e.getMessage());
    }
    Instant now = clock.instant();
    Duration age = Duration.between(createdAt, now);
    if (age.abs().compareTo(window) > 0) {
      throw new WebhookVerificationException(Reason.TOO_OLD,
          "webhook payload was created at " + createdAt + ", " + (age.isNegative() ? "ahead of" : "before")
              + " " + now + " by more than the replay window of " + window);
    }
  }

  private ObjectNode parse(byte[] body) {
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson's message may quote the body: give the position only
      throw new WebhookVerificationException(Reason.BODY_MALFORMED,
          "webhook body is not JSON (error at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw new WebhookVerificationException(Reason.BODY_MALFORMED, "webhook body cannot be read as JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw new WebhookVerificationException(Reason.BODY_MALFORMED, "webhook body is not a JSON object");
    }
    return (ObjectNode) tree;
  }

  private WebhookEvent decode(ObjectNode json) {
    Payload payload = new Payload(json, mapper);
    try {
      String event = payload.event();
      EventCatalog.Factory factory = EventCatalog.factory(event);
      if (factory == null) {
        return new UnknownEvent(event, payload.createdAt(), payload.hookId(), json);
      }
      return factory.create(payload);
    } catch (Payload.PayloadException e) {
      throw new WebhookVerificationException(Reason.BODY_MALFORMED,
          "webhook payload" + eventName(json) + " is not as Logto sends it: " + e.getMessage());
    }
  }

  private static String eventName(ObjectNode json) {
    JsonNode event = json.get("event");
    return event != null && event.isTextual() ? " of " + event.textValue() : "";
  }

  // the typed API's defaults (core's Json.defaultMapper): unknown properties never fail a decode
  private static ObjectMapper defaultMapper() {
    return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  /** Configures a {@link WebhookReceiver}. Not thread-safe; {@link #build()} copies what it holds. */
  public static final class Builder {
    private final List<String> signingKeys = new ArrayList<>();
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private @Nullable Duration replayWindow;
    private Clock clock = Clock.systemUTC();
    private @Nullable ObjectMapper objectMapper;

    private Builder() {}

    /**
     * Sets the one signing key (the hook's {@code signingKey}), replacing any set before.
     *
     * @param signingKey the key
     * @return this builder
     */
    public Builder signingKey(String signingKey) {
      return signingKeys(List.of(requireNonNull(signingKey, "signingKey == null")));
    }

    /**
     * Sets every signing key a delivery may be signed with, replacing any set before: during a rotation
     * both the old and the new key, so no delivery in flight is refused.
     *
     * @param signingKeys the keys, none blank
     * @return this builder
     */
    public Builder signingKeys(Collection<String> signingKeys) {
      requireNonNull(signingKeys, "signingKeys == null");
      List<String> keys = new ArrayList<>(signingKeys.size());
      int index = 0;
      for (String key : signingKeys) {
        if (key == null || key.isBlank()) {
          throw new IllegalArgumentException("signing key #" + index + " is null or blank");
        }
        keys.add(key);
        index++;
      }
      this.signingKeys.clear();
      this.signingKeys.addAll(keys);
      return this;
    }

    /**
     * Sets the body limit: a larger body is refused with {@link Reason#BODY_TOO_LARGE}.
     *
     * @param maxBodyBytes the limit in bytes, positive; default {@value #DEFAULT_MAX_BODY_BYTES_TEXT}
     * @return this builder
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes <= 0 || maxBodyBytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxBodyBytes must be positive and below Integer.MAX_VALUE: "
            + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Refuses deliveries whose signed {@code createdAt} is further than this from the clock's now, in
     * either direction ({@link Reason#TOO_OLD}). Off by default: Logto does not retry, so a refused late
     * delivery is lost.
     *
     * @param replayWindow the window, positive, or null to turn it off
     * @return this builder
     */
    public Builder replayWindow(@Nullable Duration replayWindow) {
      if (replayWindow != null && (replayWindow.isNegative() || replayWindow.isZero())) {
        throw new IllegalArgumentException("replayWindow must be positive: " + replayWindow);
      }
      this.replayWindow = replayWindow;
      return this;
    }

    /**
     * Sets the clock the replay window is measured with.
     *
     * @param clock the clock; default the system UTC clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the mapper the payload's entity data are decoded with (default: the typed API's defaults,
     * unknown properties ignored). Pass the one your {@code LogtoClient} uses to share its configuration.
     *
     * @param objectMapper the mapper
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = requireNonNull(objectMapper, "objectMapper == null");
      return this;
    }

    /**
     * Builds the receiver.
     *
     * @return the receiver
     * @throws IllegalStateException when no signing key was set
     */
    public WebhookReceiver build() {
      if (signingKeys.isEmpty()) {
        throw new IllegalStateException("a WebhookReceiver needs at least one signing key (the hook's signingKey)");
      }
      return new WebhookReceiver(this);
    }

    private static final String DEFAULT_MAX_BODY_BYTES_TEXT = "1048576";
  }
}

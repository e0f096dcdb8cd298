package io.logto.management.core.internal.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The SDK's JSON defaults and helpers for showing bodies in messages. */
public final class Json {
  /** The most characters of a body shown in an exception message. */
  public static final int EXCERPT_LENGTH = 200;

  private Json() {}

  /**
   * Creates the default mapper: unknown properties are ignored, so new server fields never break a
   * client.
   *
   * @return a new mapper
   */
  public static ObjectMapper defaultMapper() {
    return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }

  /**
   * Returns the start of a body as one line of text, for messages.
   *
   * @param body the raw body
   * @return at most {@link #EXCERPT_LENGTH} characters, with control characters replaced by spaces
   */
  public static String excerpt(byte[] body) {
    int length = Math.min(body.length, EXCERPT_LENGTH * 4);
    String text = new String(body, 0, length, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(Math.min(text.length(), EXCERPT_LENGTH + 3));
    for (int i = 0; i < text.length() && out.length() < EXCERPT_LENGTH; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (text.length() > out.length() || body.length > length) {
      out.append("...");
    }
    return out.toString().strip();
  }

  /**
   * Parses a body that should be a JSON object, such as an error answer.
   *
   * @param mapper the mapper
   * @param body the raw body
   * @return the object, or {@code null} when the body is not a well-formed JSON object
   */
  public static @Nullable JsonNode objectOrNull(ObjectMapper mapper, byte[] body) {
    if (!startsWith(body, '{')) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Tells whether the body is empty or only whitespace, without decoding it.
   *
   * @param body the raw body
   * @return whether there is no content
   */
  public static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Tells whether the body's first non-blank byte is {@code c}.
   *
   * @param body the raw body
   * @param c the expected character, such as '['
   * @return whether the body starts with it
   */
  public static boolean startsWith(byte[] body, char c) {
    for (byte b : body) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        continue;
      }
      return b == c;
    }
    return false;
  }
}

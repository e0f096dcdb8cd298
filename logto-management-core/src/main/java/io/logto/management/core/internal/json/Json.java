package io.logto.management.core.internal.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** The SDK's JSON defaults and byte-level checks of a body's shape that never decode it as text. */
public final class Json {
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

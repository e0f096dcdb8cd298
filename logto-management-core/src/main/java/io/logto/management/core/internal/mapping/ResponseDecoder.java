package io.logto.management.core.internal.mapping;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.ApiError;
import io.logto.management.core.LogtoApiException;
import io.logto.management.core.LogtoResponseException;
import io.logto.management.core.RawResponse;
import io.logto.management.core.internal.json.Json;
import io.logto.management.core.internal.json.JsonProblem;
import io.logto.management.core.internal.text.BodySummary;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Turns raw answers into values or {@link LogtoApiException}s. Thread-safe. */
public final class ResponseDecoder {
  private final ObjectMapper mapper;

  /**
   * Creates a decoder.
   *
   * @param mapper the client's mapper
   */
  public ResponseDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Returns the mapper.
   *
   * @return the client's mapper
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Decodes a successful body, or throws the API error for an error status.
   *
   * @param response the raw answer
   * @param type the wanted type; {@code Void}, {@code String}, {@code byte[]} and {@code JsonNode} are
   *     handled specially
   * @param <T> the result type
   * @return the value; null for {@code Void}
   * @throws LogtoApiException for a status outside 2xx
   * @throws LogtoResponseException when the body does not decode
   */
  // Void is the one type whose value is null; Class<T> cannot say so
  @SuppressWarnings({"unchecked", "NullAway"})
  public <T> T decode(RawResponse response, JavaType type) {
    throwIfError(response);
    Class<?> raw = type.getRawClass();
    if (raw == Void.class || raw == void.class) {
      return null;
    }
    // the special cases here are the ones decodedWithoutBinding lists, which prepare() skips
    if (raw == byte[].class) {
      return (T) response.body();
    }
    if (raw == String.class) {
      return (T) new String(response.body(), charset(response));
    }
    byte[] body = response.body();
    if (Json.isBlank(body)) {
      throw new LogtoResponseException(
          describe(response) + ": empty body where JSON was expected", response.status(), body, null);
    }
    try {
      if (raw == JsonNode.class) {
        return (T) mapper.readTree(body);
      }
      return mapper.readValue(body, type);
    } catch (IOException e) {
      // Jackson's messages quote the offending text, so neither they nor the exception travel on
      throw new LogtoResponseException(describe(response) + ": body is not the expected " + type.getRawClass()
          .getSimpleName() + " JSON (" + JsonProblem.describe(e) + "; "
          + BodySummary.of(response.headers(), body) + ")", response.status(), body, null);
    }
  }

  /**
   * Builds the mapper's decoder for {@code type} ahead of the answer and leaves it in the mapper's
   * cache, where {@link #decode} finds it: for a caller that would otherwise wait idle. Types decoded
   * without Jackson's type machinery are skipped; a type Jackson cannot decode is left for
   * {@link #decode} to report with the answer's context.
   *
   * @param type the type the answer will be decoded into
   */
  public void prepare(JavaType type) {
    if (decodedWithoutBinding(type.getRawClass())) {
      return;
    }
    try {
      // a reader fetches its root deserializer into the cache it shares with the mapper
      mapper.readerFor(type);
    } catch (RuntimeException e) {
      // decode() meets the same problem with the answer in hand and reports it then
    }
  }

  // the types decode() handles itself, without a data-binding deserializer to build
  private static boolean decodedWithoutBinding(Class<?> raw) {
    return raw == Void.class || raw == void.class || raw == byte[].class || raw == String.class
        || raw == JsonNode.class;
  }

  /**
   * Throws the API error matching an error status; returns for 2xx.
   *
   * @param response the raw answer
   * @throws LogtoApiException when the status is not 2xx
   */
  public void throwIfError(RawResponse response) {
    if (response.status() < 200 || response.status() > 299) {
      throw LogtoApiException.of(error(response));
    }
  }

  // reads Logto's error fields; the body travels whole, for the caller's eyes only
  private ApiError error(RawResponse response) {
    JsonNode json = Json.objectOrNull(mapper, response.body());
    return new ApiError(
        response.request().method(),
        response.request().uri().getRawPath(),
        response.status(),
        response.headers(),
        text(json, "code"),
        text(json, "message"),
        Optional.ofNullable(json == null ? null : json.get("data")).filter(node -> !node.isNull()),
        text(json, "details"),
        response.body());
  }

  private static Optional<String> text(@Nullable JsonNode json, String field) {
    if (json == null) {
      return Optional.empty();
    }
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(node.isTextual() ? node.asText() : node.toString());
  }

  private static String describe(RawResponse response) {
    return response.request().method() + " " + response.request().uri().getRawPath() + " -> "
        + response.status();
  }

  private static Charset charset(RawResponse response) {
    String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    int at = contentType.indexOf("charset=");
    if (at >= 0) {
      String name = contentType.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
      try {
        return Charset.forName(name);
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }
}

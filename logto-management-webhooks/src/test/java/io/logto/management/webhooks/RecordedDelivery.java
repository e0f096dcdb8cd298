package io.logto.management.webhooks;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * One real delivery of Logto 1.42 from {@code ../shared/logto/webhooks} (system property
 * {@code logto.shared.dir}): the hook's signing key, the exact body bytes and the signature header.
 */
record RecordedDelivery(String file, String signingKey, byte[] body, String signature) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The folder of recorded deliveries; skips the calling test when it is absent. */
  static Path folder() {
    String dir = System.getProperty("logto.shared.dir");
    Path folder = dir == null ? null : Path.of(dir, "logto", "webhooks");
    Assumptions.assumeTrue(folder != null && Files.isDirectory(folder),
        "skipped: ../shared/logto/webhooks (system property logto.shared.dir) is absent");
    return folder;
  }

  /** Every recorded delivery, by file name (not hook.json). */
  static List<RecordedDelivery> all() {
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(file -> file.getFileName().toString().matches("\\d+-.*\\.json")).sorted()
          .map(RecordedDelivery::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded {@code hook.json}: the create answer, recent logs and the rotated-key answer. */
  static JsonNode hook() {
    try {
      return MAPPER.readTree(folder().resolve("hook.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RecordedDelivery read(Path file) {
    try {
      JsonNode json = MAPPER.readTree(file.toFile());
      JsonNode request = json.get("request");
      return new RecordedDelivery(file.getFileName().toString(), json.get("signingKey").asText(),
          request.get("body").asText().getBytes(UTF_8), request.get("headers").get("logto-signature-sha-256").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event the file is named after, such as {@code User.Created}. */
  String event() {
    return file.replaceFirst("^\\d+-", "").replaceFirst("\\.json$", "");
  }

  JsonNode json() {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return file;
  }
}

package io.logto.management.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.core.client.TestSleeper;
import io.logto.management.core.internal.chain.Sleeper;
import io.logto.management.testsupport.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Shared test helpers: a client for a test server, a settable clock, a sleeper that never sleeps. */
final class Fixtures {
  static final String CLIENT_ID = "test-app";
  static final String SECRET = "s3cret-Value-42";
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  /** A client for the server with client credentials and a sleeper that only records delays. */
  static LogtoClient.Builder client(TestServer server, RecordingSleeper sleeper) {
    return builder(sleeper).baseUrl(server.baseUrl()).clientId(CLIENT_ID).clientSecret(SECRET);
  }

  /** A builder whose waits between retries only record their delays. */
  static LogtoClient.Builder builder(Sleeper sleeper) {
    return TestSleeper.use(LogtoClient.builder(), sleeper);
  }

  static LogtoClient.Builder client(TestServer server) {
    return client(server, new RecordingSleeper());
  }

  /** Records each requested delay and completes at once, advancing a clock if given. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> delays = new CopyOnWriteArrayList<>();
    private final MutableClock clock;

    RecordingSleeper() {
      this(null);
    }

    RecordingSleeper(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> sleep(Duration delay) {
      delays.add(delay);
      if (clock != null) {
        clock.advance(delay);
      }
      return CompletableFuture.completedFuture(null);
    }
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The folder of real recordings; the calling test is skipped when it is absent. */
  static Path recordingsDir() {
    String shared = System.getProperty("logto.shared.dir");
    Assumptions.assumeTrue(shared != null, "system property logto.shared.dir is not set: skipping recording tests");
    Path dir = Path.of(shared, "logto", "recordings");
    Assumptions.assumeTrue(Files.isDirectory(dir), "no recordings at " + dir + ": skipping recording tests");
    return dir;
  }

  static JsonNode recording(String fileName) {
    try {
      return MAPPER.readTree(recordingsDir().resolve(fileName).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> recordings() {
    try (Stream<Path> files = Files.list(recordingsDir())) {
      return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replays a recorded response: status, headers (minus framing ones) and body. */
  static TestServer.Reply reply(JsonNode recording) {
    JsonNode response = recording.get("response");
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (JsonNode header : response.get("headers")) {
      String name = header.get(0).asText();
      if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")
          && !name.equalsIgnoreCase("Connection")) {
        headers.add(Map.entry(name, header.get(1).asText()));
      }
    }
    JsonNode body = response.get("body");
    String text = body == null || body.isNull() ? "" : body.isTextual() ? body.asText() : body.toString();
    return new TestServer.Reply(response.get("status").asInt(), headers, text.getBytes(StandardCharsets.UTF_8), false);
  }
}

package io.logto.management.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The clock of a recorded session, for replaying it: bodies carry dates of the recording's day (an
 * invitation sent {@code expiresAt} one day later), so a server on today's clock refuses them a day after
 * recording. The recorded server's time at each exchange is read from the {@code createdAt} and
 * {@code updatedAt} values its answers held up to and including that exchange (the latest of them, so
 * it never goes back); exchanges before the first such answer get that answer's time. {@link #step}
 * moves the clock to an exchange's recorded time, and between steps it runs forward with the machine's
 * monotonic time, never backwards, whatever the wall clock says.
 */
final class RecordedClock extends Clock {
  /** The fields Logto fills from its clock when it writes a row (not {@code expiresAt}, which may lie ahead). */
  private static final Set<String> WRITE_TIMES = Set.of("createdAt", "updatedAt");

  private final Map<String, Instant> recordedTimes;
  private Instant base;
  private long baseNanos;

  private RecordedClock(Map<String, Instant> recordedTimes, Instant start) {
    this.recordedTimes = recordedTimes;
    this.base = start;
    this.baseNanos = System.nanoTime();
  }

  /**
   * The clock of the session recorded in {@code folder} (its {@code *.json} files in name order),
   * standing at the session's first recorded time.
   *
   * @throws IllegalArgumentException if no answer in the folder holds a time to start from
   */
  static RecordedClock of(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    Map<String, Instant> times = new HashMap<>();
    Instant latest = null;
    for (Path file : files) {
      Instant written = latestWriteTime(Http.JSON.readTree(file.toFile()).path("response").path("body"));
      if (written != null && (latest == null || written.isAfter(latest))) {
        latest = written;
      }
      if (latest != null) {
        times.put(file.getFileName().toString(), latest);
      }
    }
    if (latest == null) {
      throw new IllegalArgumentException("no answer in " + folder + " holds a createdAt or updatedAt time");
    }
    // the first timed answer holds the earliest time (the latest so far only grows)
    Instant first = times.values().stream().min(Instant::compareTo).orElseThrow();
    for (Path file : files) {
      times.putIfAbsent(file.getFileName().toString(), first);
    }
    return new RecordedClock(Map.copyOf(times), first);
  }

  /** The recorded server's time when it answered {@code file} (a file name of the folder). */
  Instant recordedTime(String file) {
    Instant time = recordedTimes.get(file);
    if (time == null) {
      throw new IllegalArgumentException("not a recording of this session: " + file);
    }
    return time;
  }

  /** Moves the clock to {@code file}'s recorded time, or keeps it where it is when it is past that already. */
  synchronized void step(String file) {
    Instant now = instant();
    Instant recorded = recordedTime(file);
    base = recorded.isAfter(now) ? recorded : now;
    baseNanos = System.nanoTime();
  }

  @Override
  public synchronized Instant instant() {
    return base.plusNanos(System.nanoTime() - baseNanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("a replay's clock is UTC, not " + zone);
    }
    return this;
  }

  /** The latest {@code createdAt}/{@code updatedAt} anywhere in {@code body} (epoch milliseconds or ISO text). */
  private static Instant latestWriteTime(JsonNode body) {
    Instant latest = null;
    if (body.isObject()) {
      for (Map.Entry<String, JsonNode> field : body.properties()) {
        Instant time = WRITE_TIMES.contains(field.getKey()) ? time(field.getValue())
            : latestWriteTime(field.getValue());
        latest = later(latest, time);
      }
    } else if (body.isArray()) {
      for (JsonNode item : body) {
        latest = later(latest, latestWriteTime(item));
      }
    }
    return latest;
  }

  private static Instant time(JsonNode value) {
    if (value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.asLong());
    }
    if (value.isTextual()) {
      try {
        return Instant.parse(value.asText());
      } catch (DateTimeParseException notATime) {
        return null;
      }
    }
    return null;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || !b.isAfter(a) ? a : b;
  }
}

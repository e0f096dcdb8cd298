package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.logto.management.testsupport.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Replays the real Logto exchanges of {@code ../shared/logto/recordings} and
 * {@code ../shared/logto/recordings-sweep} (each folder in one emulator session, files sorted by name)
 * and fails on any exchange of an emulated operation whose answer differs from Logto's in status, error
 * code, the headers that matter or JSON shape. Operations the emulator answers 501 are named in the
 * printed report with their counts. {@code -Dconformance.only=GetUser,ListUsers} judges only those
 * operations (every exchange is still replayed, so the state they need is there).
 */
final class RecordingConformanceTest {
  /** The machine-to-machine app the first recordings were made with (the emulator's default client stands in). */
  private static final String FIRST_CLIENT_ID = "jx9af1eghf4sim294fqro";
  /** The sweep's app with Management API access, and the seeded one without it. */
  private static final String SWEEP_CLIENT_ID = "yhftq6m6kzixinevc8han";
  private static final String SWEEP_NO_ROLE_CLIENT_ID = "l41mchi9z7jj556072gjt";
  /** The loopback listener the sweep's hook test delivered to, while the recording script ran. */
  private static final String SWEEP_HOOK_SINK = "http://127.0.0.1:37723";

  private static final String LOGS_BEFORE_THE_SESSION =
      "the recorded server's audit log held entries written before the session (the recording set-up's token requests)";

  private static final Set<String> ONLY = Arrays.stream(System.getProperty("conformance.only", "").split(","))
      .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
  private static final Map<String, Set<String>> KNOWN = knownMismatches();

  @Test
  void firstRecordingsMatchForEveryEmulatedOperation() throws IOException {
    Path folder = folder("recordings");
    RecordedClock clock = RecordedClock.of(folder);
    // the recorded server had no connector factory installed
    try (LogtoEmulator logto = LogtoEmulator.builder().clock(clock).connectorFactories(false).start()) {
      RecordingReplay replay = new RecordingReplay("recordings", logto, clock, ONLY, KNOWN.get("recordings"))
          .map(FIRST_CLIENT_ID, logto.defaultClient().clientId())
          .map("http://localhost:3001", logto.baseUrl().toString())
          .notReplayable("114-sweep-ListLogs.json", LOGS_BEFORE_THE_SESSION);
      // the recorded server already held two users when the session began (they show up in page 4)
      for (String username : new String[] {"probe_user_1", "probe_user_2"}) {
        assertThat(replay.http().post("/users",
            "{\"username\":\"" + username + "\",\"password\":\"probe-Passw0rd\"}").status()).isEqualTo(200);
      }
      // recordings 162 and 163 use an app without the Management API role, created when first needed
      NoRoleApp noRoleApp = new NoRoleApp(replay.http());
      replay.mapLazily("<no-role-app>", () -> noRoleApp.credentials().clientId())
          .mapLazily("<its-secret>", () -> noRoleApp.credentials().clientSecret())
          .mapLazily("<token-of-an-app-without-management-role>", noRoleApp::token);
      check(replay.replayAll(folder), KNOWN.get("recordings"));
    }
  }

  @Test
  void sweepRecordingsMatchForEveryEmulatedOperation() throws IOException {
    Path folder = folder("recordings-sweep");
    RecordedClock clock = RecordedClock.of(folder);
    ClientCredentials noRole = new ClientCredentials("noroleapp" + System.nanoTime() % 1_000_000_000_000L,
        "no-role-secret-of-the-sweep-seed");
    TestServer sink = TestServer.start().otherwise(request -> TestServer.Reply.status(200));
    try (LogtoEmulator logto = LogtoEmulator.builder().clock(clock).client(noRole, false).connectorFactories(false)
        .start()) {
      // the sweep started from a freshly seeded Logto holding its two machine-to-machine apps
      RecordingReplay replay = new RecordingReplay("recordings-sweep", logto, clock, ONLY,
          KNOWN.get("recordings-sweep"))
          .map(SWEEP_CLIENT_ID, logto.defaultClient().clientId())
          .map(SWEEP_NO_ROLE_CLIENT_ID, noRole.clientId())
          .map(SWEEP_HOOK_SINK, sink.baseUrl())
          .map("http://127.0.0.1:3001", logto.baseUrl().toString())
          // Logto writes its configured endpoint into SAML metadata and SSO provider configs
          .map("http://localhost:3001", logto.baseUrl().toString())
          .notReplayable("0006-CreateUserAsset.json",
              "the multipart upload was not UTF-8 and is recorded as \"<binary 200 bytes>\"")
          .notReplayable("0012-VerifyVerificationCode.json", "answers code_mismatch, so Logto held a code for the"
              + " address: sent by a CreateVerificationCode (501 without a connector, the code stored first) that this"
              + " folder does not hold; without it the answer is verification_code.not_found")
          .notReplayable("0314-ListLogs.json", LOGS_BEFORE_THE_SESSION)
          .notReplayable("0315-ListLogs.json", LOGS_BEFORE_THE_SESSION)
          .notReplayable("0317-GetLog.json", "reads an entry of 0314-ListLogs, which is not replayable")
          // configuration area: the testkit does not ship Logto's document (WellKnownTest checks the generated one)
          .notReplayable("0003-GetSwaggerJson.json",
              "the body is Logto's own API document, not ours to ship; the emulator serves one generated from its"
                  + " operation table");
      check(replay.replayAll(folder), KNOWN.get("recordings-sweep"));
    } finally {
      sink.close();
    }
  }

  /** conformance-known-mismatches.txt by folder: {@code recordings-sweep/0076-ListRoles.json <why>} lines. */
  private static Map<String, Set<String>> knownMismatches() {
    Map<String, Set<String>> known = new HashMap<>();
    known.put("recordings", new HashSet<>());
    known.put("recordings-sweep", new HashSet<>());
    try (InputStream in = RecordingConformanceTest.class.getResourceAsStream("conformance-known-mismatches.txt")) {
      String text = new String(Objects.requireNonNull(in, "conformance-known-mismatches.txt").readAllBytes(),
          StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String path = line.split("\\s+", 2)[0];
        int slash = path.indexOf('/');
        known.get(path.substring(0, slash)).add(path.substring(slash + 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return known;
  }

  private static Path folder(String name) {
    String shared = System.getProperty("logto.shared.dir");
    Path folder = shared == null ? null : Path.of(shared, "logto", name);
    assumeTrue(folder != null && Files.isDirectory(folder),
        "skipped: ../shared/logto/" + name + " not found (system property logto.shared.dir = " + shared + ")");
    return folder;
  }

  private static void check(ConformanceTally tally, Set<String> known) {
    System.out.print(tally.report());
    assertThat(tally.with(ConformanceTally.Outcome.MISMATCHED))
        .as("exchanges of emulated operations that differ from Logto's (see the report above)")
        .isEmpty();
    assertThat(tally.with(ConformanceTally.Outcome.MATCHED).stream().map(ConformanceTally.Result::file)
        .filter(known::contains).toList())
        .as("listed in conformance-known-mismatches.txt but matching now: remove their lines")
        .isEmpty();
  }

  /** The app without the Management API role that the first recordings create near their end. */
  private static final class NoRoleApp {
    private final Http http;
    private ClientCredentials credentials;
    private String token;

    NoRoleApp(Http http) {
      this.http = http;
    }

    ClientCredentials credentials() {
      if (credentials == null) {
        Http.Answer app = http.post("/applications", "{\"name\":\"no role\",\"type\":\"MachineToMachine\"}");
        String id = app.body().get("id").asText();
        String secret = http.get("/applications/" + id + "/secrets").body().get(0).get("value").asText();
        credentials = new ClientCredentials(id, secret);
      }
      return credentials;
    }

    String token() {
      if (token == null) {
        token = http.token(credentials()).body().get("access_token").asText();
      }
      return token;
    }
  }

}

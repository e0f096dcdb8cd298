package io.logto.management.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the emulator's not-found table ({@code not-found-rules.tsv}, read from Logto's source)
 * checked over HTTP: the operation called with the entity ids of its path missing (each emulator fresh,
 * so no row sees another's state) answers the row's status and code; a body of the wrong JSON type
 * answers 400 {@code guard.invalid_input} where Logto's route guard runs before the lookup, and the
 * lookup's answer where Logto checks the entity first. The table covers every operation that takes an
 * entity id in its path.
 */
final class NotFoundRulesTest {
  private static final String RULES = "/io/logto/management/testkit/internal/not-found-rules.tsv";
  private static final String OPERATIONS = "/io/logto/management/testkit/internal/operations.tsv";
  private static final String REQUESTS = "/io/logto/management/testkit/not-found-requests.tsv";
  /**
   * Path parameters of a closed set (an enum in Logto's guard): each gets a value the guard accepts;
   * where it is the key of an entity (a language's phrases, a token type's customizer) none is stored.
   */
  private static final Map<String, String> CLOSED_SET = Map.of("keyType", "private-keys",
      "tokenTypePath", "access-token", "actionType", "action.postSignIn", "scopeType", "user-scopes",
      "languageTag", "fr");
  /** Operations whose path parameters are all of that kind (an OIDC key type): no entity id to miss. */
  private static final Set<String> NO_ENTITY_ID = Set.of("GetOidcKeys", "RotateOidcKeys");
  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

  record Row(String operationId, String method, String pathTemplate, String parameter, int status, String code,
      String bodyGuard, String query, String body) {
    @Override
    public String toString() {
      return operationId + " -> " + status + " " + code;
    }

    /** The path below {@code /api} with every entity id missing ({@code missing-<parameter>}). */
    String missingPath() {
      Matcher matcher = PARAMETER.matcher(pathTemplate.substring("/api".length()));
      StringBuilder path = new StringBuilder();
      while (matcher.find()) {
        String name = matcher.group(1);
        String value = CLOSED_SET.getOrDefault(name, "missing-" + name);
        matcher.appendReplacement(path, Matcher.quoteReplacement(value));
      }
      matcher.appendTail(path);
      return path + (query.equals("-") ? "" : "?" + query);
    }
  }

  static Stream<Row> rows() {
    Map<String, String[]> operations = new HashMap<>();
    for (String[] cols : lines(OPERATIONS)) {
      operations.put(cols[2], cols);
    }
    Map<String, String[]> requests = lines(REQUESTS).stream().collect(Collectors.toMap(cols -> cols[0], cols -> cols));
    return lines(RULES).stream().map(cols -> {
      String[] operation = operations.get(cols[0]);
      String[] request = requests.getOrDefault(cols[0], new String[] {cols[0], "-", "-"});
      return new Row(cols[0], operation[0], operation[1], cols[1], Integer.parseInt(cols[2]), cols[3], cols[4],
          request[1], request[2]);
    });
  }

  static Stream<Row> rowsWithBodies() {
    return rows().filter(row -> !row.bodyGuard().equals("-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void aMissingIdAnswersAsLogtoDoes(Row row) {
    try (LogtoEmulator logto = LogtoEmulator.start()) {
      Http.Answer answer = new Http(logto).call(row.method(), row.missingPath(), row.body().equals("-") ? null : row.body());

      assertThat(answer.status()).as("%s %s: %s", row.method(), row.missingPath(), answer.body()).isEqualTo(row.status());
      if (row.code().equals("-")) {
        assertThat(answer.code()).as("%s", answer.body()).isNull();
      } else {
        assertThat(answer.code()).as("%s", answer.body()).isEqualTo(row.code());
        assertThat(answer.body().path("message").asText()).isNotBlank();
      }
      if (row.code().equals("entity.not_exists_with_id") && !CLOSED_SET.containsKey(row.parameter())) {
        assertThat(answer.body().get("message").asText()).contains("`missing-" + row.parameter() + "`");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rowsWithBodies")
  void aBodyOfTheWrongTypeIsCheckedWhereLogtoChecksIt(Row row) {
    try (LogtoEmulator logto = LogtoEmulator.start()) {
      Http.Answer answer = new Http(logto).call(row.method(), row.missingPath(), "[]");

      if (row.bodyGuard().equals("before")) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("guard.invalid_input");
      } else {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(row.status());
        assertThat(answer.code()).isEqualTo(row.code());
      }
    }
  }

  @Test
  void everyOperationTakingAnEntityIdHasExactlyOneRow() {
    List<String> ruled = rows().map(Row::operationId).toList();
    List<String> takingIds = lines(OPERATIONS).stream().filter(cols -> cols[1].contains("{"))
        .map(cols -> cols[2]).filter(id -> !NO_ENTITY_ID.contains(id)).toList();

    assertThat(ruled).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(takingIds);
    assertThat(lines(REQUESTS).stream().map(cols -> cols[0])).isSubsetOf(ruled);
  }

  private static List<String[]> lines(String resource) {
    try (InputStream in = NotFoundRulesTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.logto.management.testkit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What Logto answers, operation by operation, when the entity a path parameter names does not exist:
 * the rows of {@code not-found-rules.tsv}, each read from the Logto source that decides it (which
 * query helper the handler calls first). A handler's lookup marks its error with the table and id it
 * did not find ({@link ApiError#missing}); when that id is the one the operation's rule names, the
 * server answers with the rule's status and code instead of the lookup's own. Rules whose code is
 * not an entity code (an operation-specific code, or a success because Logto reads nothing) state
 * what the handler itself answers, and the table's test checks them all over HTTP.
 */
final class NotFoundRules {
  /** The entity codes the server can answer from a rule; each other code is the handler's own. */
  static final Set<String> ENTITY_CODES = Set.of("entity.not_found", "entity.not_exists_with_id",
      "entity.not_exists", "entity.relation_foreign_key_not_found");

  /** Where Logto checks the request body: before the lookup (its route guard), after it, or there is none. */
  enum BodyGuard { BEFORE, AFTER, NONE }

  /**
   * One row: the parameter whose missing entity it is about, Logto's status and code, where the
   * body is checked, and the source deciding it.
   */
  record Rule(String operationId, String parameter, int status, String code, BodyGuard bodyGuard, String source) {
    /** Whether Logto answers success because it reads nothing by this id. */
    boolean succeeds() {
      return code.equals("-");
    }
  }

  private final Map<String, Rule> byOperation;

  private NotFoundRules(Map<String, Rule> byOperation) {
    this.byOperation = byOperation;
  }

  /** Loads the bundled table, checking each row against the operation table (a bad row fails here). */
  static NotFoundRules load(OperationTable operations) {
    InputStream in = NotFoundRules.class.getResourceAsStream("not-found-rules.tsv");
    if (in == null) {
      throw new IllegalStateException("not-found-rules.tsv missing from the testkit jar");
    }
    Map<String, Rule> rules = new LinkedHashMap<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        Rule rule = parse(line, number, operations);
        if (rules.put(rule.operationId(), rule) != null) {
          throw new IllegalStateException("not-found-rules.tsv line " + number + ": a second row for "
              + rule.operationId());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NotFoundRules(Map.copyOf(rules));
  }

  private static Rule parse(String line, int number, OperationTable operations) {
    String[] cols = line.split("\t");
    if (cols.length != 6) {
      throw new IllegalStateException("not-found-rules.tsv line " + number + ": 6 columns expected, got "
          + cols.length);
    }
    BodyGuard bodyGuard = cols[4].equals("-") ? BodyGuard.NONE : BodyGuard.valueOf(cols[4].toUpperCase(Locale.ROOT));
    Rule rule = new Rule(cols[0], cols[1], Integer.parseInt(cols[2]), cols[3], bodyGuard, cols[5]);
    Operation operation = operations.byId(rule.operationId());
    if (operation == null) {
      throw new IllegalStateException("not-found-rules.tsv line " + number + ": no operation "
          + rule.operationId());
    }
    if (!operation.pathTemplate().contains("{" + rule.parameter() + "}")) {
      throw new IllegalStateException("not-found-rules.tsv line " + number + ": " + rule.operationId()
          + " has no path parameter " + rule.parameter());
    }
    if (rule.succeeds() != (rule.status() < 400)) {
      throw new IllegalStateException("not-found-rules.tsv line " + number + ": status " + rule.status()
          + " does not go with code " + rule.code());
    }
    return rule;
  }

  /** Every rule. */
  Collection<Rule> rules() {
    return byOperation.values();
  }

  /** The rule of this operation, or null when it takes no entity id. */
  Rule rule(String operationId) {
    return byOperation.get(operationId);
  }

  /**
   * The answer to {@code error} thrown by the handler of an operation with this rule (null when its
   * path names no entity): the rule's when the error marks a missing entity whose id is the value of
   * the rule's parameter, else {@code error}.
   */
  static ApiError answer(Rule rule, Map<String, String> pathParams, ApiError error) {
    if (rule == null || error.missingId() == null || !ENTITY_CODES.contains(rule.code())
        || !error.missingId().equals(pathParams.get(rule.parameter()))) {
      return error;
    }
    String table = error.missingTable();
    switch (rule.code()) {
      case "entity.not_found":
        return ApiError.notFound();
      case "entity.not_exists_with_id":
        return ApiError.notExistsWithId(table, error.missingId());
      case "entity.not_exists":
        return ApiError.notExists(table);
      default:
        return ApiError.foreignKeyNotFound(rule.status());
    }
  }
}

package io.logto.management.testkit.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every emulated operation declared in one place: its handler, whether Logto answers it without a
 * token, whether it always ends in 501 ({@link Handler.NotEmulated}), the webhook event it fires, how its
 * data-hook payloads are built when not by the general rule, whether it signs certificates, and the
 * not-found rule of its path id. Route classes declare their operations here; a declaration of an
 * operation the table does not hold, or a second one, fails at once, and {@link #checkComplete()} fails
 * when an operation of the table has none, so a missing or duplicate declaration fails a test, not a user.
 */
final class Declarations {
  private final OperationTable table;
  private final NotFoundRules notFound;
  private final Map<String, Declaration> byId = new LinkedHashMap<>();

  /** One operation's declaration. */
  static final class Declaration {
    private final Operation operation;
    private final Handler handler;
    private final NotFoundRules.Rule notFoundRule;
    private boolean anonymous;
    private boolean issuesCertificates;
    private String event;
    private DataHookPayloads.Rule payloads = DataHookPayloads.REGISTERED;

    private Declaration(Operation operation, Handler handler, NotFoundRules.Rule notFoundRule) {
      this.operation = operation;
      this.handler = handler;
      this.notFoundRule = notFoundRule;
    }

    /**
     * Marks the operation as one Logto serves on its anonymous router although the document says it
     * needs a token (the SAML endpoints a browser or a service provider calls).
     */
    Declaration anonymous() {
      anonymous = true;
      return this;
    }

    /**
     * Marks the handler as one that signs a certificate with the emulator's key pair, so the request waits
     * for that key (made once per JVM, in the background) before the store's lock, not under it.
     */
    Declaration issuesCertificates() {
      issuesCertificates = true;
      return this;
    }

    /** Whether the request must wait for the emulator's key pair before its handler runs. */
    boolean needsKeyPair() {
      return issuesCertificates;
    }

    /**
     * Sets the data event of Logto 1.42 the operation fires when it succeeds (its management API hook
     * registration), e.g. {@code User.Created}; null for none.
     */
    Declaration event(String dataEvent) {
      this.event = dataEvent;
      return this;
    }

    /**
     * Sets how the operation's data-hook payloads are built, when not only as the payload of its event
     * ({@link DataHookPayloads#REGISTERED}).
     */
    Declaration payloads(DataHookPayloads.Rule rule) {
      this.payloads = rule;
      return this;
    }

    /** How the operation's data-hook payloads are built. */
    DataHookPayloads.Rule payloads() {
      return payloads;
    }

    /** The data event the operation fires when it succeeds, or null. */
    String event() {
      return event;
    }

    Operation operation() {
      return operation;
    }

    Handler handler() {
      return handler;
    }

    /** Whether the request needs a token: the document's word, unless Logto serves it anonymously. */
    boolean requiresToken() {
      return operation.requiresToken() && !anonymous;
    }

    /** Whether the handler answers the operation as Logto does (and does not always end in 501). */
    boolean emulated() {
      return !(handler instanceof Handler.NotEmulated);
    }

    /** What a missing entity of the path answers, or null when the path names no entity. */
    NotFoundRules.Rule notFoundRule() {
      return notFoundRule;
    }
  }

  Declarations(OperationTable table, NotFoundRules notFound) {
    this.table = table;
    this.notFound = notFound;
  }

  /** Every operation of the table, in its order (what the emulator routes, declared or not yet). */
  List<Operation> operations() {
    return table.operations();
  }

  /** Declares {@code operationId} with its handler; an unknown or already declared operation fails here. */
  Declaration declare(String operationId, Handler handler) {
    Operation operation = table.byId(operationId);
    if (operation == null) {
      throw new IllegalStateException("declared operation " + operationId + " is not in operations.tsv");
    }
    if (byId.containsKey(operationId)) {
      throw new IllegalStateException("operation " + operationId + " is declared twice");
    }
    Declaration declaration = new Declaration(operation, handler, notFound.rule(operationId));
    byId.put(operationId, declaration);
    return declaration;
  }

  /** The declaration of an operation, or null when it has none. */
  Declaration get(String operationId) {
    return byId.get(operationId);
  }

  Collection<Declaration> all() {
    return Collections.unmodifiableCollection(byId.values());
  }

  /** The operations of the table without a declaration, in the table's order. */
  List<String> undeclared() {
    return table.operations().stream().map(Operation::operationId).filter(id -> !byId.containsKey(id)).toList();
  }

  /** Fails naming every operation of the table that has no declaration. */
  void checkComplete() {
    List<String> missing = undeclared();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("operations without a declaration: " + missing);
    }
  }
}

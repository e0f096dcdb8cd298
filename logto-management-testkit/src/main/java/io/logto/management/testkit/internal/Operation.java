package io.logto.management.testkit.internal;

import java.util.List;
import java.util.Objects;

/** One operation of the Management API document: method, path template, id, whether it needs a token. */
record Operation(String method, String pathTemplate, String operationId, boolean requiresToken) {
  public Operation {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(pathTemplate, "pathTemplate == null");
    Objects.requireNonNull(operationId, "operationId == null");
  }

  List<String> segments() {
    return List.of(pathTemplate.substring(1).split("/", -1));
  }
}

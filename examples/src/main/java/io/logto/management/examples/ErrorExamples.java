package io.logto.management.examples;

import io.logto.management.LogtoManagement;
import io.logto.management.core.LogtoNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code of docs/errors.md; {@code GuideExamplesTest} runs it against the emulator. */
final class ErrorExamples {
  private static final Logger log = LoggerFactory.getLogger(ErrorExamples.class);

  private ErrorExamples() {}

  static boolean exists(LogtoManagement logto, String id) {
    // snippet: errors-not-found
    try {
      logto.users().get(id);
    } catch (LogtoNotFoundException e) {
      log.info("no user {} (request {})", id, e.requestId().orElse("?"));
      return false;
    }
    // end snippet
    return true;
  }
}

package io.logto.management.spring.boot;

import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link LogtoPropertyException} into Spring Boot's start-up report: what is wrong and which
 * property to set, instead of a stack trace of bean creation.
 */
final class LogtoPropertyFailureAnalyzer extends AbstractFailureAnalyzer<LogtoPropertyException> {
  // a string, not LogtoWebhooksProperties.PREFIX: the webhooks package uses this one, never the reverse
  private static final String WEBHOOKS = "logto.webhooks.";

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, LogtoPropertyException cause) {
    String property = cause.property();
    String environmentVariable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    String set = "Set " + property + " in application.properties or as the environment variable "
        + environmentVariable;
    if (property.startsWith(WEBHOOKS)) {
      return new FailureAnalysis("The Logto webhook endpoint is not configured: " + cause.getMessage() + ".",
          set + (property.equals(WEBHOOKS + "signing-keys") ? " to the signing key of each hook that posts to "
              + "this application (the hook's signingKey in the Logto Console or from the Management API; list "
              + "the old and the new key while rotating)" : "") + ", or set " + WEBHOOKS + "enabled=false.",
          cause);
    }
    return new FailureAnalysis("The Logto Management API client is not configured: " + cause.getMessage() + ".",
        set + ". In tests, set " + LogtoManagementProperties.PREFIX
            + ".emulator.enabled=true (with io.logto:logto-management-testkit) to use the in-process emulator.",
        cause);
  }
}

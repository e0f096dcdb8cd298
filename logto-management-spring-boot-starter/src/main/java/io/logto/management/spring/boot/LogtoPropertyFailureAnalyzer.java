package io.logto.management.spring.boot;

import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link LogtoPropertyException} into Spring Boot's start-up report: what is wrong and which
 * property to set, instead of a stack trace of bean creation.
 */
final class LogtoPropertyFailureAnalyzer extends AbstractFailureAnalyzer<LogtoPropertyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, LogtoPropertyException cause) {
    String environmentVariable = cause.property().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return new FailureAnalysis("The Logto Management API client is not configured: " + cause.getMessage() + ".",
        "Set " + cause.property() + " in application.properties or as the environment variable "
            + environmentVariable + ". In tests, set " + LogtoManagementProperties.PREFIX
            + ".emulator.enabled=true (with io.logto:logto-management-testkit) to use the in-process emulator.",
        cause);
  }
}

package io.logto.management.spring.boot.webhooks;

import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link LogtoWebhooksPropertyException} into Spring Boot's start-up report: what is wrong, which
 * property to set and where the key comes from, instead of a stack trace of bean creation.
 */
final class LogtoWebhooksFailureAnalyzer extends AbstractFailureAnalyzer<LogtoWebhooksPropertyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, LogtoWebhooksPropertyException cause) {
    String environmentVariable = cause.property().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return new FailureAnalysis("The Logto webhook endpoint is not configured: " + cause.getMessage() + ".",
        "Set " + cause.property() + " in application.properties or as the environment variable "
            + environmentVariable + " to the signing key of each hook that posts to this application (the "
            + "hook's signingKey in the Logto Console or from the Management API; list the old and the new "
            + "key while rotating), or set " + LogtoWebhooksProperties.PREFIX + ".enabled=false.",
        cause);
  }
}

package io.logto.management.spring.boot;

import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the application wants the Management API client. It does unless it only receives webhooks:
 * with {@code logto.webhooks.enabled=true} and none of the connection properties set, the client is left
 * out, so a webhook-only application needs no {@code logto.management.*}. A {@link LogtoConnectionDetails}
 * bean of the application's own counts as a connection. Every other application gets
 * the client as before, and so start-up still names the missing or wrong property when the connection is
 * incomplete. The properties are read through the {@link Binder}, so every spelling Spring Boot binds
 * (kebab case, camel case, environment variables) counts.
 */
final class OnManagementConnectionCondition extends SpringBootCondition {
  // what says "this application talks to Logto": any part of the connection, or the emulator
  private static final List<String> CONNECTION = List.of("tenant-id", "endpoint", "client-id", "client-secret",
      "api-indicator");

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Binder binder = Binder.get(context.getEnvironment());
    if (!binder.bind("logto.webhooks.enabled", Boolean.class).orElse(false)) {
      return ConditionOutcome.match("logto.webhooks.enabled is not true: the client is configured");
    }
    for (String property : CONNECTION) {
      String name = LogtoManagementProperties.PREFIX + "." + property;
      if (binder.bind(name, String.class).isBound()) {
        return ConditionOutcome.match(name + " is set");
      }
    }
    if (binder.bind(LogtoManagementProperties.PREFIX + ".emulator.enabled", Boolean.class).orElse(false)) {
      return ConditionOutcome.match(LogtoManagementProperties.PREFIX + ".emulator.enabled is true");
    }
    // a connection of the application's own (credentials from a vault, say) asks for the client too;
    // auto-configuration is read after the application's beans, so their definitions are known here
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    if (beans != null && beans.getBeanNamesForType(LogtoConnectionDetails.class, true, false).length > 0) {
      return ConditionOutcome.match("a LogtoConnectionDetails bean is defined");
    }
    return ConditionOutcome.noMatch("webhook-only application: logto.webhooks.enabled is true and no "
        + LogtoManagementProperties.PREFIX + " connection property is set");
  }
}

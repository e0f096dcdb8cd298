package io.logto.management.spring.boot.health;

import static java.util.Objects.requireNonNull;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code logto} health contributor on Spring Boot 4 ({@code org.springframework.boot.health.contributor}). */
public final class LogtoBoot4HealthIndicator implements HealthIndicator {
  private final LogtoHealthCheck check;

  /**
   * Creates the indicator.
   *
   * @param check the check it reports
   */
  public LogtoBoot4HealthIndicator(LogtoHealthCheck check) {
    this.check = requireNonNull(check, "check == null");
  }

  @Override
  public Health health() {
    LogtoHealthCheck.Result result = check.check();
    return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
  }
}

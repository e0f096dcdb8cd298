package io.logto.management.spring.boot.health;

import static java.util.Objects.requireNonNull;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code logto} health contributor on Spring Boot 3 ({@code org.springframework.boot.actuate.health}). */
public final class LogtoHealthIndicator implements HealthIndicator {
  private final LogtoHealthCheck check;

  /**
   * Creates the indicator.
   *
   * @param check the check it reports
   */
  public LogtoHealthIndicator(LogtoHealthCheck check) {
    this.check = requireNonNull(check, "check == null");
  }

  @Override
  public Health health() {
    LogtoHealthCheck.Result result = check.check();
    return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
  }
}

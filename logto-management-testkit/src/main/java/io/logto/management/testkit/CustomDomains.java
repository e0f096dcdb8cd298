package io.logto.management.testkit;

import io.logto.management.testkit.internal.DomainState;
import java.util.Objects;
import java.util.Optional;

/**
 * The custom-domain verification lifecycle, driven by the test instead of DNS. A domain created through
 * {@code POST /api/domains} starts {@code PendingVerification}; a real Logto Cloud then checks the DNS
 * records and issues a certificate. Here the test says what happened:
 *
 * <pre>{@code
 * LogtoEmulator logto = LogtoEmulator.builder().customDomains(true).start();
 * // ... the code under test creates auth.example.com through the API ...
 * logto.customDomains().markVerified("auth.example.com"); // DNS found: PendingSsl
 * logto.customDomains().markActive("auth.example.com");   // certificate issued: Active
 * }</pre>
 *
 * <p>Without {@link LogtoEmulator.Builder#customDomains(boolean)} the emulator answers like an OSS Logto
 * (no hostname provider): creating a domain is a 400 {@code domain.not_configured}, so there is nothing to
 * move. Thread-safe.
 */
public final class CustomDomains {
  private final DomainState state;

  CustomDomains(DomainState state) {
    this.state = state;
  }

  /**
   * The DNS records of {@code domain} were found: its status becomes {@code PendingSsl}.
   *
   * @param domain the domain's name
   * @return this, for the next step
   * @throws IllegalArgumentException when the emulator holds no domain of that name
   */
  public CustomDomains markVerified(String domain) {
    return set(domain, "PendingSsl", null);
  }

  /**
   * The certificate of {@code domain} was issued: its status becomes {@code Active}.
   *
   * @param domain the domain's name
   * @return this, for the next step
   * @throws IllegalArgumentException when the emulator holds no domain of that name
   */
  public CustomDomains markActive(String domain) {
    return set(domain, "Active", null);
  }

  /**
   * Verification of {@code domain} failed: its status becomes {@code Error} with this {@code errorMessage}.
   *
   * @param domain the domain's name
   * @param errorMessage the error Logto would show for it
   * @return this, for the next step
   * @throws IllegalArgumentException when the emulator holds no domain of that name
   */
  public CustomDomains markFailed(String domain, String errorMessage) {
    Objects.requireNonNull(errorMessage, "errorMessage == null");
    return set(domain, "Error", errorMessage);
  }

  /**
   * The status of {@code domain} ({@code PendingVerification}, {@code PendingSsl}, {@code Active}, {@code Error}).
   *
   * @param domain the domain's name
   * @return its status, empty when the emulator holds no such domain
   */
  public Optional<String> status(String domain) {
    Objects.requireNonNull(domain, "domain == null");
    return Optional.ofNullable(state.status(domain));
  }

  private CustomDomains set(String domain, String status, String errorMessage) {
    Objects.requireNonNull(domain, "domain == null");
    state.setStatus(domain, status, errorMessage);
    return this;
  }
}

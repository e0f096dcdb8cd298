package io.logto.management.spring.boot;

import static java.util.Objects.requireNonNull;

/**
 * A {@code logto.management.*} or {@code logto.webhooks.*} property is missing or wrong; the application
 * does not start. The message names the property, never a secret's value.
 */
public final class LogtoPropertyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The full name of the missing or invalid property. */
  private final String property;

  /**
   * Creates the exception for a {@code logto.management.*} property.
   *
   * @param property the property's name after {@code logto.management.}, such as {@code client-id}
   * @param problem what is wrong, such as {@code must be set}; must not hold a secret
   */
  public LogtoPropertyException(String property, String problem) {
    this(null, LogtoManagementProperties.PREFIX + "." + property, problem);
  }

  private LogtoPropertyException(Void full, String property, String problem) {
    super(property + " " + problem);
    this.property = property;
  }

  /**
   * Creates the exception for a property named in full, such as {@code logto.webhooks.signing-keys}.
   *
   * @param property the property's full name
   * @param problem what is wrong; must not hold a secret
   * @return the exception
   */
  public static LogtoPropertyException of(String property, String problem) {
    return new LogtoPropertyException(null, requireNonNull(property, "property == null"), problem);
  }

  /**
   * Returns the full name of the property at fault.
   *
   * @return such as {@code logto.management.client-id}
   */
  public String property() {
    return property;
  }
}

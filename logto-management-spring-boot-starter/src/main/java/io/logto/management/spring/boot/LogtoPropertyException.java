package io.logto.management.spring.boot;

/**
 * A {@code logto.management.*} property is missing or wrong; the application does not start. The message
 * names the property, never a secret's value.
 */
public final class LogtoPropertyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The full name of the missing or invalid property. */
  private final String property;

  /**
   * Creates the exception.
   *
   * @param property the property's name after {@code logto.management.}, such as {@code client-id}
   * @param problem what is wrong, such as {@code must be set}; must not hold a secret
   */
  public LogtoPropertyException(String property, String problem) {
    super(LogtoManagementProperties.PREFIX + "." + property + " " + problem);
    this.property = LogtoManagementProperties.PREFIX + "." + property;
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

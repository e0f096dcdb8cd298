package io.logto.management.spring.boot.webhooks;

/**
 * A {@code logto.webhooks.*} property is missing or wrong; the application does not start. The message
 * names the property, never a key.
 */
public final class LogtoWebhooksPropertyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String property;

  /**
   * Creates the exception.
   *
   * @param property the property's name after {@code logto.webhooks.}, such as {@code signing-keys}
   * @param problem what is wrong, such as {@code must be set}; must not hold a key
   */
  public LogtoWebhooksPropertyException(String property, String problem) {
    super(LogtoWebhooksProperties.PREFIX + "." + property + " " + problem);
    this.property = LogtoWebhooksProperties.PREFIX + "." + property;
  }

  /**
   * Returns the full name of the property at fault.
   *
   * @return such as {@code logto.webhooks.signing-keys}
   */
  public String property() {
    return property;
  }
}

package io.logto.management.spring.boot;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks {@code logto.management.client-secret} and {@code logto.webhooks.signing-keys} in Actuator's
 * {@code env} and {@code configprops} endpoints even where {@code show-values} reveals other values. It
 * matches each property in any of its spellings: {@code logto.management.client-secret},
 * {@code logto.management.clientSecret} (the {@code configprops} key),
 * {@code LOGTO_MANAGEMENT_CLIENT_SECRET} (an environment variable), and for the keys also an element's
 * index ({@code logto.webhooks.signing-keys[1]}, {@code LOGTO_WEBHOOKS_SIGNINGKEYS_1_}).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
public class LogtoSecretSanitizingAutoConfiguration {
  private static final String SECRET_KEY = canonical(LogtoManagementProperties.PREFIX + ".client-secret");
  private static final Pattern SIGNING_KEYS = Pattern.compile(
      Pattern.quote(canonical("logto.webhooks.signing-keys")) + "(\\[\\d+\\]|\\d+)?");

  /** Created by Spring. */
  public LogtoSecretSanitizingAutoConfiguration() {}

  /**
   * The function Actuator applies to every value it shows.
   *
   * @return masks the client secret, leaves everything else to the other functions
   */
  @Bean
  public SanitizingFunction logtoClientSecretSanitizingFunction() {
    return data -> isClientSecret(data) ? data.withSanitizedValue() : data;
  }

  /**
   * The function that masks the webhook signing keys, a list or each of its elements.
   *
   * @return masks the signing keys, leaves everything else to the other functions
   */
  @Bean
  public SanitizingFunction logtoWebhookSigningKeysSanitizingFunction() {
    return data -> isWebhookSigningKey(data) ? data.withSanitizedValue() : data;
  }

  static boolean isClientSecret(SanitizableData data) {
    return canonical(data.getKey()).equals(SECRET_KEY);
  }

  static boolean isWebhookSigningKey(SanitizableData data) {
    return SIGNING_KEYS.matcher(canonical(data.getKey())).matches();
  }

  // Spring's relaxed names of one property differ only in case, '-', '_' and '.'
  private static String canonical(String key) {
    return key.replaceAll("[-_.]", "").toLowerCase(Locale.ROOT);
  }
}

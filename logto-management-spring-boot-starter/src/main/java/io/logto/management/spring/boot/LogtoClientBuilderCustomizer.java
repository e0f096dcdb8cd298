package io.logto.management.spring.boot;

import io.logto.management.core.client.LogtoClient;

/**
 * Adjusts the auto-configured client before it is built: add interceptors or listeners, change the
 * retry policy, the HTTP client or the {@code ObjectMapper}. Every bean of this type is applied, in
 * {@link org.springframework.core.Ordered} / {@code @Order} order, after the connection and the
 * {@code logto.management.*} timeouts and retries.
 *
 * <pre>{@code
 * @Bean
 * LogtoClientBuilderCustomizer correlationIds() {
 *   return builder -> builder.addInterceptor(new CorrelationIdInterceptor());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LogtoClientBuilderCustomizer {
  /**
   * Adjusts the builder.
   *
   * @param builder the builder of the client bean
   */
  void customize(LogtoClient.Builder builder);
}

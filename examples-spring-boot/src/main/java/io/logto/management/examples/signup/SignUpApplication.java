package io.logto.management.examples.signup;

import io.logto.management.spring.boot.LogtoClientBuilderCustomizer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The application of docs/spring-boot.md: {@link SignUp} gets the typed API injected, and a customizer
 * adds an interceptor to the auto-configured client.
 */
@SpringBootApplication
public class SignUpApplication {
  public static void main(String[] args) {
    SpringApplication.run(SignUpApplication.class, args).close();
  }

  // snippet: spring-boot-customizer
  @Bean
  LogtoClientBuilderCustomizer logtoCorrelationIds() {
    return builder -> builder.addInterceptor(new CorrelationIdInterceptor());
  }
  // end snippet
}

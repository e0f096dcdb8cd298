package io.logto.management.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.LogtoManagement;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.spring.boot.test.AutoConfigureLogtoEmulator;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** docs/spring-boot.md's customizer reaches the auto-configured client: the interceptor sees each call. */
@SpringBootTest
@AutoConfigureLogtoEmulator
class SignUpCustomizerTest {
  @Autowired LogtoClient client;

  @Test
  void theCorrelationIdInterceptorRunsOnEveryCall() {
    var seen = new CompletableFuture<String>();
    try (LogtoClient watched = client.newBuilder()
        .addInterceptor(chain -> {
          seen.complete(chain.request().headers().firstValue("X-Correlation-Id").orElse("none"));
          return chain.proceed(chain.request());
        })
        .build()) {
      LogtoManagement.of(watched).users().list();
    }

    assertThat(seen.join()).matches("[0-9a-f-]{36}");
  }
}

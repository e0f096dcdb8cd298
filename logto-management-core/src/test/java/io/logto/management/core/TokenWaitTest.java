package io.logto.management.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.logto.management.core.client.LogtoClient;
import io.logto.management.testsupport.TestServer;
import io.logto.management.testsupport.TestServer.Reply;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A synchronous call that has to wait for a token builds its answer's decoder meanwhile, on its own
 * thread, instead of after the answer arrived: on a cold JVM the token request and that work overlap.
 * The answer types below record when and where Jackson builds their decoders.
 */
final class TokenWaitTest {
  private static final ApiRequest GET_USER = ApiRequest.get("/api/users/{id}").pathParam("id", "u1").build();
  private static final String TOKEN = "{\"access_token\":\"t\",\"expires_in\":3600,\"scope\":\"all\"}";

  /** An answer whose decoder records each time Jackson builds it, and on which thread. */
  @JsonDeserialize(using = RecordedDecoder.class)
  record Recorded(String id) {}

  static final class RecordedDecoder extends JsonDeserializer<Recorded> {
    static final List<Thread> BUILT_ON = new CopyOnWriteArrayList<>();
    static final CountDownLatch BUILT = new CountDownLatch(1);

    RecordedDecoder() {
      BUILT_ON.add(Thread.currentThread());
      BUILT.countDown();
    }

    @Override
    public Recorded deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return new Recorded(context.readTree(parser).get("id").asText());
    }
  }

  /** An answer whose decoder Jackson cannot build. */
  @JsonDeserialize(using = BrokenDecoder.class)
  record Broken(String id) {}

  static final class BrokenDecoder extends JsonDeserializer<Broken> {
    BrokenDecoder() {
      throw new IllegalStateException("this decoder cannot be built");
    }

    @Override
    public Broken deserialize(JsonParser parser, DeserializationContext context) {
      throw new AssertionError("never built");
    }
  }

  @Test
  void waitingCallerBuildsTheAnswersDecoderWhileItsTokenIsFetched() {
    try (TestServer server = TestServer.start()) {
      List<Boolean> decoderBuiltBeforeTokenAnswer = new CopyOnWriteArrayList<>();
      // the token answer waits (up to 10 s) until the answer's decoder exists
      server.on("/oidc/token", request -> {
        decoderBuiltBeforeTokenAnswer.add(await(RecordedDecoder.BUILT));
        return Reply.json(200, TOKEN);
      }).replies("/api/users/u1", Reply.json(200, "{\"id\":\"u1\"}"));
      try (LogtoClient client = Fixtures.client(server).build()) {
        Recorded user = client.call(GET_USER, Recorded.class);

        assertThat(user.id()).isEqualTo("u1");
        assertThat(decoderBuiltBeforeTokenAnswer).containsExactly(true);
        // built once, by the caller, and the answer was decoded with that same decoder
        assertThat(RecordedDecoder.BUILT_ON).containsExactly(Thread.currentThread());
      }
    }
  }

  @Test
  void answerTypeJacksonCannotDecodeFailsTheSameWithOrWithoutATokenWait() {
    try (TestServer server = TestServer.start()) {
      server.tokens().on("/api/users/u1", request -> Reply.json(200, "{\"id\":\"u1\"}"));
      try (LogtoClient client = Fixtures.client(server).build()) {
        Throwable whileWaiting = catchThrowable(() -> client.call(GET_USER, Broken.class));
        Throwable withCachedToken = catchThrowable(() -> client.call(GET_USER, Broken.class));

        // the decoder's failure is not reported early, as a token failure, nor swallowed
        assertThat(server.count("/api/users/u1")).isEqualTo(2);
        assertThat(whileWaiting).isNotNull().hasSameClassAs(withCachedToken)
            .hasMessage(withCachedToken.getMessage());
        assertThat(whileWaiting).isNotInstanceOf(LogtoTokenException.class);
      }
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

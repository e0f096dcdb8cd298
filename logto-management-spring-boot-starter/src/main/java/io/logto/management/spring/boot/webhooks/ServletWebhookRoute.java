package io.logto.management.spring.boot.webhooks;

import io.logto.management.webhooks.WebhookReceiver;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The endpoint on Spring MVC: a functional route that reads the servlet's raw input stream (never a
 * converted body), stopping one byte past the limit.
 */
final class ServletWebhookRoute {
  private ServletWebhookRoute() {}

  static RouterFunction<ServerResponse> of(String path, WebhookEndpoint endpoint) {
    return RouterFunctions.route(RequestPredicates.POST(path), request -> handle(request, endpoint));
  }

  private static ServerResponse handle(ServerRequest request, WebhookEndpoint endpoint) throws IOException {
    HttpServletRequest servlet = request.servletRequest();
    byte[] body = readAtMost(servlet.getInputStream(), servlet.getContentLengthLong(), endpoint.maxBodyBytes());
    WebhookEndpoint.Answer answer = body == null ? endpoint.tooLarge()
        : endpoint.deliver(body, request.headers().firstHeader(WebhookReceiver.SIGNATURE_HEADER));
    if (answer.reason().isEmpty()) {
      return ServerResponse.status(answer.status()).build();
    }
    // written and flushed here: Tomcat would otherwise first drain what is left of a refused body
    byte[] reason = answer.reason().getBytes(StandardCharsets.US_ASCII);
    return ServerResponse.status(answer.status()).contentType(MediaType.TEXT_PLAIN).build((req, response) -> {
      response.setContentLength(reason.length);
      response.getOutputStream().write(reason);
      response.flushBuffer();
      return null;
    });
  }

  /**
   * The body, or {@code null} when it is over {@code max} bytes: known from the declared length without
   * reading, or after reading {@code max + 1} bytes of a body of unknown length.
   */
  static byte @Nullable [] readAtMost(InputStream in, long declaredLength, int max) throws IOException {
    if (declaredLength > max) {
      return null;
    }
    byte[] bytes = in.readNBytes(max + 1);
    return bytes.length > max ? null : bytes;
  }
}

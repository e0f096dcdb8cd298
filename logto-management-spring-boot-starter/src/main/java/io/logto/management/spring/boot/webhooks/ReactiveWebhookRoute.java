package io.logto.management.spring.boot.webhooks;

import io.logto.management.webhooks.WebhookReceiver;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The endpoint on WebFlux: a functional route that joins the raw data buffers up to the limit (an error
 * one byte past it), then verifies and publishes on the bounded-elastic scheduler, since listeners may
 * block (call Logto, write to a database).
 */
final class ReactiveWebhookRoute {
  private ReactiveWebhookRoute() {}

  static RouterFunction<ServerResponse> of(String path, WebhookEndpoint endpoint) {
    return RouterFunctions.route(RequestPredicates.POST(path), request -> handle(request, endpoint));
  }

  private static Mono<ServerResponse> handle(ServerRequest request, WebhookEndpoint endpoint) {
    if (request.headers().contentLength().orElse(-1) > endpoint.maxBodyBytes()) {
      return respond(endpoint.tooLarge());
    }
    String signature = request.headers().firstHeader(WebhookReceiver.SIGNATURE_HEADER);
    return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), endpoint.maxBodyBytes())
        .map(ReactiveWebhookRoute::bytesOf)
        .defaultIfEmpty(new byte[0])
        .publishOn(Schedulers.boundedElastic())
        .map(body -> endpoint.deliver(body, signature))
        .onErrorResume(DataBufferLimitException.class, e -> Mono.fromSupplier(endpoint::tooLarge))
        .flatMap(ReactiveWebhookRoute::respond);
  }

  private static byte[] bytesOf(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  private static Mono<ServerResponse> respond(WebhookEndpoint.Answer answer) {
    if (answer.reason().isEmpty()) {
      return ServerResponse.status(answer.status()).build();
    }
    return ServerResponse.status(answer.status()).contentType(MediaType.TEXT_PLAIN).bodyValue(answer.reason());
  }
}

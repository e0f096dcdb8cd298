package io.logto.management.spring.boot.webhooks;

import org.springframework.boot.WebApplicationType;

/** The endpoint on WebFlux (Reactor Netty). */
final class ReactiveWebhookEndpointTest extends WebhookEndpointContract {
  @Override
  WebApplicationType webApplicationType() {
    return WebApplicationType.REACTIVE;
  }
}

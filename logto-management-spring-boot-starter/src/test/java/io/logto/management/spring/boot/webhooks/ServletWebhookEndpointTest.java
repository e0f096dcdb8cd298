package io.logto.management.spring.boot.webhooks;

import org.springframework.boot.WebApplicationType;

/** The endpoint on Spring MVC (Tomcat). */
final class ServletWebhookEndpointTest extends WebhookEndpointContract {
  @Override
  WebApplicationType webApplicationType() {
    return WebApplicationType.SERVLET;
  }
}

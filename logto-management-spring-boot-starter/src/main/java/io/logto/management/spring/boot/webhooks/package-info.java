/**
 * Receiving Logto's webhooks in a Spring Boot application: with {@code logto.webhooks.enabled=true} an
 * endpoint verifies each delivery's signature against the raw body and publishes the typed event as a
 * Spring application event, so {@code @EventListener void on(UserCreated event)} receives it. Spring MVC
 * and WebFlux; needs {@code io.logto:logto-management-webhooks}.
 */
@NullMarked
package io.logto.management.spring.boot.webhooks;

import org.jspecify.annotations.NullMarked;

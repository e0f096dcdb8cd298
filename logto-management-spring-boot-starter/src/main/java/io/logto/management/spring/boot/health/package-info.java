/**
 * The opt-in {@code logto} health indicator for Spring Boot Actuator, one thin adapter per Spring Boot
 * line over {@link io.logto.management.spring.boot.health.LogtoHealthCheck}.
 */
@NullMarked
package io.logto.management.spring.boot.health;

import org.jspecify.annotations.NullMarked;

/**
 * Micrometer Observation API instrumentation of the Logto Management API SDK:
 * {@link io.logto.management.micrometer.LogtoObservations}, a {@code CallListener} that observes every
 * API request attempt and token request. Needs only {@code micrometer-observation}; no Spring.
 */
@NullMarked
package io.logto.management.micrometer;

import org.jspecify.annotations.NullMarked;

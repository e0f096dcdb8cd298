/**
 * Entry point of the typed API: {@link io.logto.management.LogtoManagement}. The services live in
 * {@code io.logto.management.service} and the models in {@code io.logto.management.model}; both are
 * generated into {@code src/generated/java} and must not be edited by hand.
 *
 * <p>Nothing here takes or returns {@code null} unless it is marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package io.logto.management;

import org.jspecify.annotations.NullMarked;

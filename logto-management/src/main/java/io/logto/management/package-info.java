/**
 * Entry point of the typed API: {@link io.logto.management.LogtoManagement}. The services live in
 * {@code io.logto.management.service} and the models in {@code io.logto.management.model}; both are
 * generated into {@code src/generated/java} and must not be edited by hand.
 */
package io.logto.management;

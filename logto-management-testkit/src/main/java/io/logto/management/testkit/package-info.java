/**
 * An in-process Logto emulator for tests: {@link io.logto.management.testkit.LogtoEmulator} starts it,
 * {@link io.logto.management.testkit.Faults} injects faults, {@link io.logto.management.testkit.ClientCredentials}
 * names a registered machine-to-machine client.
 */
package io.logto.management.testkit;

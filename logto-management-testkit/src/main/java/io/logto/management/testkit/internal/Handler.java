package io.logto.management.testkit.internal;

/** Handles one Management API operation; runs under the store's lock. */
@FunctionalInterface
interface Handler {
  Reply handle(Call call);

  /**
   * A handler that checks the request as Logto does and then always answers 501, because Logto's answer
   * needs what the emulator cannot have; such operations are not listed as supported.
   */
  @FunctionalInterface
  interface NotEmulated extends Handler {}
}

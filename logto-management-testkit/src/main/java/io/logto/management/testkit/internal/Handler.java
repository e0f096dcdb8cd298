package io.logto.management.testkit.internal;

/** Handles one Management API operation; runs under the store's lock. */
@FunctionalInterface
interface Handler {
  Reply handle(Call call);
}

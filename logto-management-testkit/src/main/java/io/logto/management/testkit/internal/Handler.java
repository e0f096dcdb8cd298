package io.logto.management.testkit.internal;

/** Handles one Management API operation; runs under the store's lock. */
@FunctionalInterface
public interface Handler {
  Reply handle(Call call);
}
